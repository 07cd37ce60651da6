package org.anzexian.platform.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.anzexian.platform.tasklist.TasklistFilters;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * What the Tasklist shows of a task (#12):
 * <ul>
 * <li>its description (the 说明 tab): the user task's extension property {@value #PROPERTY}, written in
 * Chinese for the person doing the step. The BPMN documentation stays the modeller's and developer's
 * note and no longer reaches users; a task without the property shows no description;</li>
 * <li>its case summary in the task list: the process's {@code caseSummary} copied onto the task when it is
 * created, because the list reads a process variable only for users who may read the whole instance,
 * and the organizations doing the steps may read their tasks only. The copy is the list's display, not the
 * case's history: the engine keeps no history of it (the instance's own {@code caseSummary} keeps its history).
 * Its history cost two rows per task: two of the twelve statements an escalation adds to the bare engine's (#15
 * goal 1).</li>
 * </ul>
 */
@Component
class TaskPresentationPlugin extends AbstractProcessEnginePlugin {

    static final String PROPERTY = "userDescription";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new TaskPresentation());
        configuration.setCustomPostBPMNParseListeners(listeners);

        // the engine's own history writer, behind a filter; the handlers others add still run after it
        List<HistoryEventHandler> handlers = new ArrayList<>();
        handlers.add(new WithoutSummaryCopies(new DbHistoryEventHandler()));
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    /** Whether a history event is of a task's copy of the case summary (created, updated, deleted, migrated). */
    private static boolean isSummaryCopy(HistoryEvent event) {
        return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
                && TasklistFilters.CASE_SUMMARY.equals(variable.getVariableName());
    }

    static Optional<String> userDescription(Element taskElement) {
        Element extensions = taskElement.element("extensionElements");
        Element properties = extensions == null ? null
                : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return Optional.empty();
        }
        return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
                .filter(property -> PROPERTY.equals(property.attribute("name")))
                .map(property -> property.attribute("value"))
                .filter(value -> value != null && !value.isBlank())
                .map(String::strip)
                .findFirst();
    }

    private record WithoutSummaryCopies(HistoryEventHandler writer) implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!isSummaryCopy(event)) {
                writer.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }

    private static final class TaskPresentation extends AbstractBpmnParseListener {

        @Override
        public void parseUserTask(Element taskElement, ScopeImpl scope, ActivityImpl activity) {
            String description = userDescription(taskElement).orElse(null);
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, task -> {
                    task.setDescription(description);
                    if (task.getExecution() != null
                            && task.getExecution().getVariable(TasklistFilters.CASE_SUMMARY) instanceof String summary) {
                        task.setVariableLocal(TasklistFilters.CASE_SUMMARY, summary);
                    }
                });
            }
        }
    }
}
