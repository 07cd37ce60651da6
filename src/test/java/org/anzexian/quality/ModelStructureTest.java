package org.anzexian.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.anzexian.support.ProjectFiles;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every model in processes/ and forms/ (and the test models, so the check never passes on nothing):
 * parses, has full diagram interchange and a history time-to-live, and every user task has a form that
 * exists. The negative tests prove the checker reports each kind of defect.
 */
class ModelStructureTest {

    private final ModelStructureChecker checker = ModelStructureChecker.forProject();

    @Test
    void everyBpmnModelHasDiagramTimeToLiveAndExistingForms() {
        List<Path> models = ProjectFiles.bpmnModels();
        assertThat(models).anyMatch(path -> path.endsWith(Path.of("platform", "platformProbe.bpmn")));

        assertThat(models.stream().flatMap(model -> checker.checkBpmn(model).stream())).isEmpty();
    }

    @Test
    void everyDecisionTableParsesWithTimeToLive() {
        List<Path> tables = Stream.concat(ProjectFiles.find(ProjectFiles.PROCESSES, ".dmn").stream(),
                ProjectFiles.testModels(".dmn").stream()).toList();

        assertThat(tables.stream().flatMap(table -> checker.checkDmn(table).stream())).isEmpty();
    }

    @Test
    void everyFormIsJsonWithItsFileNameAsId() {
        List<Path> forms = Stream.concat(ProjectFiles.find(ProjectFiles.FORMS, ".form").stream(),
                ProjectFiles.testModels(".form").stream()).toList();
        assertThat(forms).anyMatch(path -> path.endsWith(Path.of("platform", "platformProbeForm.form")));

        assertThat(forms.stream().flatMap(form -> checker.checkForm(form).stream())).isEmpty();
    }

    @Test
    void reportsModelWithoutDiagramTimeToLiveOrForm() {
        List<String> problems = checker.checkBpmn(ProjectFiles.BROKEN_FIXTURES.resolve("noDiagram.bpmn"));

        assertThat(problems).anyMatch(p -> p.contains("no BPMNDiagram"))
                .anyMatch(p -> p.contains("no BPMNShape with bounds for UserTask_NoForm"))
                .anyMatch(p -> p.contains("no BPMNEdge with waypoints for Flow_ToTask"))
                .anyMatch(p -> p.contains("process noDiagram has no camunda:historyTimeToLive"))
                .anyMatch(p -> p.contains("user task UserTask_NoForm has no form"));
    }

    @Test
    void reportsFormsThatWouldNotBeFoundAtRunTime(@TempDir Path folder) throws IOException {
        Files.copy(ProjectFiles.TEST_RESOURCES.resolve("platform/platformProbeForm.form"),
                folder.resolve("platformProbeForm.form"));
        Path model = folder.resolve("missingForms.bpmn");
        // the fluent builder lays out full DI, so only the form problems remain
        Bpmn.writeModelToFile(model.toFile(), Bpmn.createExecutableProcess("missingForms")
                .camundaHistoryTimeToLive(180)
                .startEvent("Event_Started")
                .userTask("UserTask_UnknownFormRef").camundaFormRef("noSuchForm").camundaFormRefBinding("deployment")
                .userTask("UserTask_LatestBinding").camundaFormRef("platformProbeForm").camundaFormRefBinding("latest")
                .userTask("UserTask_MissingHtml").camundaFormKey("embedded:deployment:forms/noSuchForm.html")
                .userTask("UserTask_AppForm").camundaFormKey("embedded:app:forms/x.html")
                .endEvent("Event_Ended")
                .done());

        List<String> problems = checker.checkBpmn(model);

        assertThat(problems).hasSize(4)
                .anyMatch(p -> p.contains("UserTask_UnknownFormRef: no .form with id \"noSuchForm\""))
                .anyMatch(p -> p.contains("UserTask_LatestBinding: camunda:formRefBinding must be \"deployment\""))
                .anyMatch(p -> p.contains("UserTask_MissingHtml: embedded form"))
                .anyMatch(p -> p.contains("UserTask_AppForm: form key"));
    }

    @Test
    void reportsFormWhoseIdIsNotItsFileNameAndFormThatIsNotJson(@TempDir Path folder) throws IOException {
        Path misnamed = Files.writeString(folder.resolve("reviewFiling.form"),
                "{\"id\": \"reviewFilingOld\", \"components\": []}");
        Path broken = Files.writeString(folder.resolve("broken.form"), "{\"id\": \"broken\", ");

        assertThat(checker.checkForm(misnamed)).singleElement().asString()
                .contains("id is \"reviewFilingOld\", must equal the file name \"reviewFiling\"");
        assertThat(checker.checkForm(broken)).singleElement().asString().contains("is not valid JSON");
    }

    @Test
    void reportsDecisionTableWithoutTimeToLive(@TempDir Path folder) throws IOException {
        Path table = Files.writeString(folder.resolve("deadline.dmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Deadline"
                             name="期限" namespace="http://anzexian.org/dmn/test">
                  <decision id="hazardDeadline" name="整改期限">
                    <decisionTable id="DecisionTable_Deadline">
                      <input id="Input_Severity"><inputExpression id="InputExpression_Severity" typeRef="string">
                        <text>severity</text></inputExpression></input>
                      <output id="Output_Days" name="days" typeRef="integer" />
                      <rule id="Rule_Major"><inputEntry id="InputEntry_Major"><text>"major"</text></inputEntry>
                        <outputEntry id="OutputEntry_Major"><text>0</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """);
        Path notDmn = Files.writeString(folder.resolve("broken.dmn"), "<definitions");

        assertThat(checker.checkDmn(table)).singleElement().asString()
                .contains("decision hazardDeadline has no camunda:historyTimeToLive");
        assertThat(checker.checkDmn(notDmn)).singleElement().asString().contains("does not parse");
    }
}
