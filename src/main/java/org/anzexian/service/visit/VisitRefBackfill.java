package org.anzexian.service.visit;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Visits started before the visit forms read {@code visitRef} (#12) lack it, and their forms could not
 * load their context; at start-up each gets it from its business key, which has always been the visit id.
 * Runs once per start-up and touches only instances without the variable.
 */
@Component
class VisitRefBackfill {

    private static final Logger log = LoggerFactory.getLogger(VisitRefBackfill.class);

    private final RuntimeService runtime;

    VisitRefBackfill(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStartUp() {
        backfill();
    }

    /** Sets the missing references; returns how many. */
    int backfill() {
        Set<String> referenced = runtime.createVariableInstanceQuery()
                .variableName(PreventionServiceVisitProcess.VAR_VISIT_REF).list().stream()
                .map(VariableInstance::getProcessInstanceId).collect(Collectors.toSet());
        int added = 0;
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processDefinitionKey(PreventionServiceVisitProcess.KEY).list()) {
            String visitId = instance.getBusinessKey();
            if (!referenced.contains(instance.getId()) && visitId != null && visitId.matches("\\d+")) {
                runtime.setVariable(instance.getId(), PreventionServiceVisitProcess.VAR_VISIT_REF, Long.parseLong(visitId));
                added++;
            }
        }
        if (added > 0) {
            log.info("Gave {} running visit(s) their visitRef from the business key", added);
        }
        return added;
    }
}
