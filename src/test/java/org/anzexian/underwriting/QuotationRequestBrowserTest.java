package org.anzexian.underwriting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.anzexian.filing.insurer.FiledInsurers.Insurer;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.TasklistScript;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The quotation request started from the Tasklist as a construction unit does it (N2.1): the start form
 * lists the user's projects and the filed insurers (from {@code /api}), the user picks, and each chosen
 * insurer gets a letter task; a choice the rules refuse (N3.6) shows the reason and stores nothing.
 */
@AnzexianTest
class QuotationRequestBrowserTest extends UnderwritingFixtures {

    private static final String PROCESS_NAME = "申请安责险报价";
    private static final String PROJECT = "项目";

    @LocalServerPort
    int port;

    @BeforeEach
    void needsABrowser() {
        TasklistScript.requireBrowser();
    }

    @Test
    void theBuilderPicksItsProjectAndAFiledInsurerInTheStartForm_N2_1() {
        String user = builder.user().userId();

        JsonNode run = new TasklistScript(port).start(user, user, PROCESS_NAME, Map.of(PROJECT, project.code()),
                List.of(insurer.organization().name())).assertOk();

        assertThat(run.path("started").asBoolean()).as(run.toString()).isTrue();
        List<Task> letterTasks = letterTasksOfProject();
        assertThat(letterTasks).singleElement().satisfies(task -> assertThat(engine.getTaskService()
                .getIdentityLinksForTask(task.getId())).anySatisfy(link ->
                        assertThat(link.getGroupId()).isEqualTo(insurer.organization().groupId())));
    }

    @Test
    void twoRelatedInsurersAreRefusedWithTheReasonShownAndNothingStored_N3_6() {
        Insurer related = insurers.filedRelatedTo(List.of(insurer.organization()));
        String user = builder.user().userId();

        JsonNode run = new TasklistScript(port).start(user, user, PROCESS_NAME, Map.of(PROJECT, project.code()),
                List.of(insurer.organization().name(), related.organization().name())).assertOk();

        assertThat(run.path("started").asBoolean()).as(run.toString()).isFalse();
        assertThat(run.path("notice").asText()).contains("不得同时为同一项目报价");
        assertThat(letterTasksOfProject()).isEmpty();
    }

    private List<Task> letterTasksOfProject() {
        return engine.getTaskService().createTaskQuery().processDefinitionKey(PolicyUnderwritingProcess.KEY)
                .taskDefinitionKey(PolicyUnderwritingProcess.TASK_ISSUE_QUOTATION)
                .processVariableValueEquals(PolicyUnderwritingProcess.VAR_PROJECT_ID, project.id()).list();
    }
}
