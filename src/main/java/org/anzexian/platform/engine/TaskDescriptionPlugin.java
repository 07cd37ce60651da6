package org.anzexian.platform.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * What the Tasklist shows as a task's description (its 描述 tab): the user task's extension property
 * {@value #PROPERTY}, written in Chinese for the person doing the step (#12). The BPMN documentation
 * stays the modeller's and developer's note and no longer reaches users; a task without the property
 * shows no description.
 */
@Component
class TaskDescriptionPlugin extends AbstractProcessEnginePlugin {

    static final String PROPERTY = "userDescription";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new UserDescriptions());
        configuration.setCustomPostBPMNParseListeners(listeners);
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

    private static final class UserDescriptions extends AbstractBpmnParseListener {

        @Override
        public void parseUserTask(Element taskElement, ScopeImpl scope, ActivityImpl activity) {
            String description = userDescription(taskElement).orElse(null);
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE,
                        task -> task.setDescription(description));
            }
        }
    }
}
