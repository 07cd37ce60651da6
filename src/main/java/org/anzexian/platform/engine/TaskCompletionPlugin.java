package org.anzexian.platform.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Records who completed each user task of every process (#14): the person {@link Acting} names — the
 * Tasklist user, or the {@code /api} caller whose service completed the task as the system. Case pages
 * show it in their timeline and 我的事项 lists the user's completed steps from it. A completion by nobody
 * (a test completing as the system) is not recorded.
 */
@Component
class TaskCompletionPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<TaskCompletionRepository> completions;

    TaskCompletionPlugin(ObjectProvider<TaskCompletionRepository> completions) {
        this.completions = completions;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element taskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> recordCompletion(task));
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private void recordCompletion(DelegateTask task) {
        Acting.user(task).ifPresent(actor -> completions.getObject().insert(task, actor.userId()));
    }
}
