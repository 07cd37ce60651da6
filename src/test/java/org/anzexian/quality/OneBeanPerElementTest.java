package org.anzexian.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.anzexian.support.ProjectFiles;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One delegate style and one bean-naming rule (STYLE.md "One seam, one door"): each model element has its
 * own bean, named {@code <processKey><Step>Delegate} for a service task and {@code <processKey><Step>Listener}
 * for a task or execution listener, where {@code Step} is the element id after its type prefix
 * ({@code ServiceTask_OpenNextRound} → {@code hazardRectificationOpenNextRoundDelegate}). So no bean serves
 * two elements and dispatches on the current activity. Every model in {@code processes/} follows it (#10).
 */
class OneBeanPerElementTest {

    static List<String> models() {
        return ProjectFiles.find(ProjectFiles.PROCESSES, ".bpmn").stream().map(path -> path.getFileName().toString())
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyElementHasItsOwnBeanNamedAfterProcessAndElement(String file) {
        assertThat(misnamed(Bpmn.readModelFromFile(ProjectFiles.PROCESSES.resolve(file).toFile())))
                .as("delegate expressions not named <processKey><Step>Delegate/Listener").isEmpty();
    }

    @Test
    void reportsABeanServingAnotherElementOrOfTheWrongKind() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("probeFlow").startEvent("StartEvent_Go")
                .serviceTask("ServiceTask_Notify").camundaDelegateExpression("${probeFlowNotifyDelegate}")
                .serviceTask("ServiceTask_Remind").camundaDelegateExpression("${probeFlowNotifyDelegate}")
                .userTask("UserTask_Handle").camundaTaskListenerDelegateExpression("complete", "${probeFlowHandleDelegate}")
                .endEvent("EndEvent_Done").done();

        assertThat(misnamed(model)).containsExactly(
                "ServiceTask_Remind: ${probeFlowNotifyDelegate}, expected ${probeFlowRemindDelegate}",
                "UserTask_Handle: ${probeFlowHandleDelegate}, expected ${probeFlowHandleListener}");
    }

    private static List<String> misnamed(BpmnModelInstance model) {
        String key = model.getModelElementsByType(Process.class).iterator().next().getId();
        List<String> wrong = new ArrayList<>();
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            check(wrong, task.getCamundaDelegateExpression(), key, task, "Delegate");
        }
        for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
            check(wrong, listener.getCamundaDelegateExpression(), key, owner(listener), "Listener");
        }
        for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
            check(wrong, listener.getCamundaDelegateExpression(), key, owner(listener), "Listener");
        }

        return wrong;
    }

    private static void check(List<String> wrong, String expression, String key, BaseElement element, String suffix) {
        String id = element.getId();
        String expected = "${" + key + id.substring(id.indexOf('_') + 1) + suffix + "}";
        if (!expected.equals(expression)) {
            wrong.add(id + ": " + expression + ", expected " + expected);
        }
    }

    /** The element whose {@code extensionElements} hold the listener. */
    private static BaseElement owner(ModelElementInstance listener) {
        return (BaseElement) listener.getParentElement().getParentElement();
    }
}
