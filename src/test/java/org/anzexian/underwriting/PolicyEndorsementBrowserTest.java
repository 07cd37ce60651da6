package org.anzexian.underwriting;

import static org.anzexian.underwriting.PolicyEndorsementProcess.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anzexian.registry.project.Project;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.Processes;
import org.anzexian.support.TasklistScript;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #12, the endorsement premium in the Tasklist only (N1.1, N4.3): a phase joins an insured
 * construction contract; the policy's insurer sees in its task the policy, the phase, the old and new
 * amounts and periods and the additional premium in ¥ with two decimals; a payment in instalments is
 * refused in Chinese and the task stays; the premium paid in one payment is confirmed, and the new phase
 * is insured. Screenshots: {@code target/screenshots/endorsement-*.png}.
 */
@Tag("browser")
@AnzexianTest
class PolicyEndorsementBrowserTest extends UnderwritingFixtures {

    @LocalServerPort
    int port;

    @BeforeEach
    void aBrowser() {
        TasklistScript.requireBrowser();
    }

    @Test
    void theInsurerConfirmsTheFullEndorsementPremiumInItsTaskWithTheEndorsementInView_N1_1_N4_3_12() {
        Policy policy = issuedPolicy(builder, project);
        Project secondPhase = phase(project.contractStart(), project.contractEnd());
        Endorsement endorsement = pendingEndorsement(secondPhase);
        ProcessInstance instance = Processes.instance(engine, KEY, endorsement.id());
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        String clerk = insurer.clerk().userId();
        TasklistScript tasklist = new TasklistScript(port);

        Map<String, String> inInstalments = new LinkedHashMap<>();
        inInstalments.put("实收批改保费（元）", "9000");
        inInstalments.put("一次性全额缴纳", "false");
        JsonNode refused = tasklist.complete(clerk, clerk, task.getId(), inInstalments,
                "--expect-text", policy.policyNumber(), "--shot", "endorsement-1-refused").result();
        assertThat(refused.path("ok").asBoolean()).as(refused.toString()).isFalse();
        assertThat(refused.toString()).contains("批改保费须一次性全额缴纳");
        assertThat(insurance(secondPhase).insured()).isFalse();
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("the task stays").isOne();

        Map<String, String> paid = new LinkedHashMap<>();
        paid.put("实收批改保费（元）", "18000.00");
        paid.put("一次性全额缴纳", "true");
        tasklist.complete(clerk, clerk, task.getId(), paid,
                "--expect-text", policy.policyNumber(),
                "--expect-text", "¥18,000.00",
                "--expect-text", "→",
                "--shot", "endorsement-2-confirmed").assertOk();
        executeJobs(instance);

        assertThat(insurance(secondPhase).insured()).isTrue();
        assertThat(insurance(secondPhase).premium()).isEqualByComparingTo("36000.00");
    }
}
