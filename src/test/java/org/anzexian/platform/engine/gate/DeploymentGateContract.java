package org.anzexian.platform.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anzexian.platform.engine.ModelDeploymentPlugin;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.support.EngineDoors;
import org.anzexian.support.EngineDoors.Answer;
import org.anzexian.support.EngineDoors.Door;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #11, finding 1 (DESIGN.md §2a): a process owner deployed a model whose timer start called
 * {@code identityService.createMembership('owner','camunda-admin')} and {@code Runtime.exec}. Now every
 * deployment a user makes passes the {@link DeploymentGate} — refused with every reason, in Chinese and
 * English, nothing deployed, no timer scheduled — and expressions reach only the beans meant for models.
 * Positive twins: the owner's harmless revisions are deployed and used.
 */
abstract class DeploymentGateContract {

    private static final String OWNER = "owner";
    private static final Pattern CHINESE_AND_ENGLISH = Pattern.compile(".*[\\u4e00-\\u9fff].*（.*[A-Za-z]{3,}.*）$");

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ModelBeans beans;
    @Autowired DeploymentGate gate;

    // --- the finding ---------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Door.class)
    void anOwnersModelReachingJavaIsRefusedWithEveryReasonAndNothingIsDeployed(Door door) {
        String name = "evil-" + door;
        Map<String, byte[]> resources = new LinkedHashMap<>();
        resources.put("processes/evilTakeover.bpmn", EVIL_BPMN.getBytes(StandardCharsets.UTF_8));
        resources.put("processes/evilDecision.dmn", EVIL_DMN.getBytes(StandardCharsets.UTF_8));
        resources.put("processes/evil.js", "java.lang.Runtime.getRuntime().exec('id')".getBytes(StandardCharsets.UTF_8));

        Answer answer = owner(door).deploy(name, resources);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        JsonNode body = answer.json();
        assertThat(body.path("type").asText()).isEqualTo("InvalidRequestException");
        List<String> reasons = new ArrayList<>();
        body.path("reasons").forEach(reason -> reasons.add(reason.asText()));
        assertThat(reasons).allMatch(reason -> CHINESE_AND_ENGLISH.matcher(reason).matches());
        assertThat(reasons).anyMatch(r -> r.contains("ServiceTask_Admin") && r.contains("identityService")
                        && r.contains("不是供流程模型使用的组件"))
                .anyMatch(r -> r.contains("ServiceTask_Exec") && r.contains("getClass") && r.contains("Java 类"))
                .anyMatch(r -> r.contains("ServiceTask_Runtime") && r.contains("Runtime.getRuntime"))
                .anyMatch(r -> r.contains("ServiceTask_Class") && r.contains("java.lang.ProcessBuilder"))
                .anyMatch(r -> r.contains("ServiceTask_Delegate") && r.contains("runtimeService"))
                .anyMatch(r -> r.contains("ScriptTask_Run") && r.contains("不允许使用脚本"))
                .anyMatch(r -> r.contains("Start_Timer") && r.contains("scripts are not allowed"))
                .anyMatch(r -> r.contains("UserTask_Form") && r.contains("不允许使用脚本"))
                .anyMatch(r -> r.contains("FormField_Default") && r.contains("execution.processEngineServices"))
                .anyMatch(r -> r.contains("Flow_Scripted") && r.contains("不允许使用脚本"))
                .anyMatch(r -> r.contains("Flow_Bean") && r.contains("dataSource"))
                .anyMatch(r -> r.contains("UserTask_Form") && r.contains("没有画在图中"))
                .anyMatch(r -> r.contains("CallActivity_Hazard") && r.contains("hazardRectification"))
                .anyMatch(r -> r.contains("SignalEventDefinition_Evil") && r.contains("不允许发出信号"))
                .anyMatch(r -> r.contains("evilDecision.dmn") && r.contains("javascript"))
                .anyMatch(r -> r.contains("evilDecision.dmn") && r.contains("juel"))
                .anyMatch(r -> r.contains("processes/evil.js") && r.contains("不接受此类文件"));

        assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName(name).count()).isZero();
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("evilTakeover")
                .count()).isZero();
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("evilDecision")
                .count()).isZero();
        assertThat(engine.getManagementService().createJobQuery().processDefinitionKey("evilTakeover").count())
                .as("no timer start scheduled").isZero();
        assertThat(engine.getIdentityService().createUserQuery().userId(OWNER).memberOfGroup(PlatformGroups.ADMIN)
                .count()).isZero();
    }

    @Test
    void aRedeploymentOfAnEarlierModelPassesTheGateToo() {
        Deployment smuggled = engine.getRepositoryService().createDeployment().name("before-the-gate")
                // a timer that never comes: this deployment stands for one made before the gate existed
                .addString("processes/evilTakeover.bpmn", EVIL_BPMN.replace("R/PT1S", "R1/P3650D"))
                .enableDuplicateFiltering(false).deploy();
        try {
            Answer answer = owner(Door.ENGINE_REST).post("/deployment/" + smuggled.getId() + "/redeploy",
                    new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode());

            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.json().path("message").asText()).contains("ServiceTask_Admin", "identityService");
            assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName("before-the-gate").count())
                    .isEqualTo(1);
        } finally {
            engine.getRepositoryService().deleteDeployment(smuggled.getId(), true);
        }
    }

    // --- positive twins ------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Door.class)
    void anOwnersChangedDecisionRuleIsDeployedAndUsed_N9_3(Door door) {
        String changed = shipped("processes/hazardDeadline.dmn")
                .replace("<outputEntry id=\"OutputEntry_General_Period\"><text>\"P7D\"</text>",
                        "<outputEntry id=\"OutputEntry_General_Period\"><text>\"P5D\"</text>");
        assertThat(changed).contains("\"P5D\"");

        Answer answer = owner(door).deploy("hazardDeadline-" + door,
                Map.of("processes/hazardDeadline.dmn", changed.getBytes(StandardCharsets.UTF_8)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String deploymentId = answer.json().path("id").asText();
        try {
            Object period = engine.getDecisionService().evaluateDecisionTableByKey("hazardDeadline",
                    Variables.createVariables().putValue("severity", "GENERAL").putValue("category", "SCAFFOLDING"))
                    .getSingleResult().getEntry("rectificationPeriod");
            assertThat(period).isEqualTo("P5D");
        } finally {
            engine.getRepositoryService().deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void anOwnersRevisedProcessWithItsFormsIsDeployedAsTheLatestVersion() {
        String revised = shipped("processes/hazardRectification.bpmn")
                .replace("${verificationWithin}</bpmn:timeDuration>", "P2D</bpmn:timeDuration>");
        assertThat(revised).contains("P2D</bpmn:timeDuration>");
        Map<String, byte[]> resources = new LinkedHashMap<>();
        resources.put("processes/hazardRectification.bpmn", revised.getBytes(StandardCharsets.UTF_8));
        for (String form : List.of("forms/hazardRectification.html", "forms/hazardVerification.html",
                "forms/hazardSupervision.html")) {
            resources.put(form, ModelDeploymentPlugin.scanModels().get(form));
        }

        Answer answer = owner(Door.ENGINE_REST).deploy("hazardRectification-revised", resources);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String deploymentId = answer.json().path("id").asText();
        try {
            ProcessDefinition latest = engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey("hazardRectification").latestVersion().singleResult();
            assertThat(latest.getDeploymentId()).isEqualTo(deploymentId);
        } finally {
            engine.getRepositoryService().deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void anEmbeddedFormOtherThanTheSystemsIsRefused() {
        Answer answer = owner(Door.ENGINE_REST).deploy("html-form", Map.of("forms/hazardRectification.html",
                "<form><script cam-script>fetch('/engine-rest/user')</script></form>".getBytes(StandardCharsets.UTF_8)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("message").asText()).contains("forms/hazardRectification.html", "嵌入式 HTML 表单");
    }

    @Test
    void theShippedModelsPassTheGate() {
        ProcessEngineConfigurationImpl configuration = configuration();
        List<String> refusals = configuration.getCommandExecutorTxRequired().execute(context ->
                gate.refusals(ModelDeploymentPlugin.scanModels(), configuration.getDmnEngine()));
        assertThat(refusals).isEmpty();
    }

    // --- what expressions reach ----------------------------------------------------------------------

    @Test
    void everyBeanTheShippedModelsNameIsMeantForModels() {
        Pattern named = Pattern.compile("[$#]\\{\\s*!?([A-Za-z_][A-Za-z0-9_]*)");
        List<String> beansNamed = new ArrayList<>();
        ModelDeploymentPlugin.scanModels().forEach((name, bytes) -> {
            Matcher matcher = named.matcher(new String(bytes, StandardCharsets.UTF_8));
            while (matcher.find()) {
                if (engine.getProcessEngineConfiguration() != null && beans.exists(matcher.group(1))) {
                    beansNamed.add(matcher.group(1));
                }
            }
        });

        assertThat(beansNamed).isNotEmpty().allMatch(beans::isAllowed);
        assertThat(beans.forModels()).containsExactlyInAnyOrder("filingSchedule", "visitSchedule", "underwritingSchedule",
                "assessmentSchedule");
        assertThat(beans.delegates()).contains("hazardRectificationRectifyListener",
                "hazardRectificationOpenRectificationDelegate");
    }

    @Test
    void theEnginesExpressionsReachOnlyVariablesValuesAndBeansMeantForModels() {
        assertThat(configuration().getExpressionManager()).isInstanceOf(ModelExpressionManager.class);
        assertThat(evaluate("${hazardRectificationRectifyListener}")).isNotNull();
        assertThat(evaluate("${filingSchedule.correctionDeadline()}")).asString().startsWith("P");
        assertThat(evaluate("${dateTime().plusDays(1).toDate()}")).isInstanceOf(java.util.Date.class);
        assertThat(evaluate("${'abc'.length()}")).isEqualTo(3);

        for (String reachingJava : List.of("${identityService}", "${runtimeService}", "${dataSource}",
                "${identityService.createMembership('owner','camunda-admin')}",
                "${''.getClass().forName('java.lang.Runtime')}", "${''.class}", "${filingSchedule.getClass()}",
                "${filingSchedule.properties}")) {
            assertThatThrownBy(() -> evaluate(reachingJava)).as(reachingJava).isInstanceOf(RuntimeException.class);
        }
        assertThat(engine.getIdentityService().createUserQuery().userId(OWNER).memberOfGroup(PlatformGroups.ADMIN)
                .count()).isZero();
    }

    private Object evaluate(String expression) {
        ProcessEngineConfigurationImpl configuration = configuration();
        return configuration.getCommandExecutorTxRequired().execute(context -> configuration.getExpressionManager()
                .createExpression(expression).getValue(StartProcessVariableScope.getSharedInstance()));
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    private EngineDoors.User owner(Door door) {
        return new EngineDoors(port).as(door, OWNER, OWNER);
    }

    private static String shipped(String name) {
        return new String(ModelDeploymentPlugin.scanModels().get(name), StandardCharsets.UTF_8);
    }

    // --- the attacker's models -----------------------------------------------------------------------

    private static final String EVIL_BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                id="Definitions_Evil" targetNamespace="http://anzexian.org/test">
              <bpmn:process id="evilTakeover" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="Start_Timer">
                  <bpmn:extensionElements>
                    <camunda:executionListener event="start">
                      <camunda:script scriptFormat="javascript">java.lang.Runtime.getRuntime().exec('id')</camunda:script>
                    </camunda:executionListener>
                  </bpmn:extensionElements>
                  <bpmn:outgoing>Flow_1</bpmn:outgoing>
                  <bpmn:timerEventDefinition id="TimerEventDefinition_Evil"><bpmn:timeCycle>R/PT1S</bpmn:timeCycle></bpmn:timerEventDefinition>
                </bpmn:startEvent>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Timer" targetRef="ServiceTask_Admin" />
                <bpmn:serviceTask id="ServiceTask_Admin" camunda:expression="${identityService.createMembership('owner','camunda-admin')}" />
                <bpmn:sequenceFlow id="Flow_2" sourceRef="ServiceTask_Admin" targetRef="ServiceTask_Exec" />
                <bpmn:serviceTask id="ServiceTask_Exec" camunda:expression="${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}" />
                <bpmn:sequenceFlow id="Flow_3" sourceRef="ServiceTask_Exec" targetRef="ServiceTask_Runtime" />
                <bpmn:serviceTask id="ServiceTask_Runtime" camunda:expression="${Runtime.getRuntime().exec('id')}" />
                <bpmn:sequenceFlow id="Flow_4" sourceRef="ServiceTask_Runtime" targetRef="ServiceTask_Class" />
                <bpmn:serviceTask id="ServiceTask_Class" camunda:class="java.lang.ProcessBuilder" />
                <bpmn:sequenceFlow id="Flow_5" sourceRef="ServiceTask_Class" targetRef="ServiceTask_Delegate" />
                <bpmn:serviceTask id="ServiceTask_Delegate" camunda:delegateExpression="${runtimeService}" />
                <bpmn:sequenceFlow id="Flow_6" sourceRef="ServiceTask_Delegate" targetRef="ScriptTask_Run" />
                <bpmn:scriptTask id="ScriptTask_Run" scriptFormat="groovy"><bpmn:script>'id'.execute()</bpmn:script></bpmn:scriptTask>
                <bpmn:sequenceFlow id="Flow_7" sourceRef="ScriptTask_Run" targetRef="UserTask_Form" />
                <bpmn:userTask id="UserTask_Form" camunda:formKey="embedded:deployment:forms/evil.html">
                  <bpmn:extensionElements>
                    <camunda:formData>
                      <camunda:formField id="FormField_Default" type="string" defaultValue="${execution.processEngineServices.identityService}" />
                    </camunda:formData>
                    <camunda:taskListener event="create">
                      <camunda:script scriptFormat="javascript">task.execution.processEngineServices.identityService</camunda:script>
                    </camunda:taskListener>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_8" sourceRef="UserTask_Form" targetRef="Gateway_Route" />
                <bpmn:exclusiveGateway id="Gateway_Route" />
                <bpmn:sequenceFlow id="Flow_Call" sourceRef="Gateway_Route" targetRef="CallActivity_Hazard" />
                <bpmn:callActivity id="CallActivity_Hazard" calledElement="hazardRectification">
                  <bpmn:extensionElements><camunda:in businessKey="1" /></bpmn:extensionElements>
                </bpmn:callActivity>
                <bpmn:sequenceFlow id="Flow_Called" sourceRef="CallActivity_Hazard" targetRef="End_Signal" />
                <bpmn:endEvent id="End_Signal"><bpmn:signalEventDefinition id="SignalEventDefinition_Evil" signalRef="Signal_Evil" /></bpmn:endEvent>
                <bpmn:sequenceFlow id="Flow_Scripted" sourceRef="Gateway_Route" targetRef="End_Done">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="Flow_Bean" sourceRef="Gateway_Route" targetRef="End_Done">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${dataSource.connection != null}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:endEvent id="End_Done" />
              </bpmn:process>
              <bpmn:signal id="Signal_Evil" name="policyIssued" />
              <bpmndi:BPMNDiagram id="Diagram_Evil">
                <bpmndi:BPMNPlane id="Plane_Evil" bpmnElement="evilTakeover">
                  <bpmndi:BPMNShape id="Shape_Start" bpmnElement="Start_Timer"><dc:Bounds x="0" y="0" width="36" height="36" /></bpmndi:BPMNShape>
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;

    private static final String EVIL_DMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_EvilDecision"
                name="evil" namespace="http://anzexian.org/test">
              <decision id="evilDecision" name="evil">
                <decisionTable id="DecisionTable_Evil">
                  <input id="Input_1">
                    <inputExpression id="InputExpression_1" typeRef="string" expressionLanguage="javascript">
                      <text>java.lang.Runtime.getRuntime().exec('id')</text>
                    </inputExpression>
                  </input>
                  <output id="Output_1" name="result" typeRef="string" />
                  <rule id="Rule_1">
                    <inputEntry id="InputEntry_1" expressionLanguage="juel"><text>${identityService.createMembership('owner','camunda-admin')}</text></inputEntry>
                    <outputEntry id="OutputEntry_1"><text>"x"</text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
            </definitions>
            """;
}
