package org.anzexian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anzexian.hazard.HazardCategory;
import org.anzexian.hazard.HazardRectificationProcess;
import org.anzexian.hazard.HazardService;
import org.anzexian.hazard.HazardSeverity;
import org.anzexian.hazard.HazardSource;
import org.anzexian.hazard.NewHazard;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.Role;
import org.anzexian.platform.tasklist.TasklistFilters;
import org.anzexian.registry.organization.OrganizationType;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.TasklistScript;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * #13: the process owner opens a process in Cockpit and sees where its running cases stand — the
 * instance badges on the diagram, the instance list and the business facts of each case (our tab 业务信息)
 * — and moves the running cases of an older version onto a revision in the tab 版本迁移, in a real browser.
 */
@Tag("browser")
@AnzexianTest
class ProcessOwnerCockpitBrowserTest {

    private static final String OWNER = "owner";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    GroupDirectory groups;
    @Autowired
    HazardService hazards;
    @Autowired
    ApplicationContext context;

    final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void browserAvailable() {
        TasklistScript.requireBrowser();
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
    }

    @Test
    void theOwnerSeesTheRunningCasesOnTheDiagramAndInTheList() {
        PlatformFixtures fixtures = new PlatformFixtures(engine, groups);
        fixtures.deployProbe();
        String insurerGroup = fixtures.member(Role.INSURER).groupId();
        List<String> running = List.of(fixtures.startProbe(insurerGroup, Duration.ofDays(2)).getId(),
                fixtures.startProbe(insurerGroup, Duration.ofDays(3)).getId());
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(PlatformProbeModel.KEY).latestVersion().singleResult().getId();

        JsonNode cockpit = new TasklistScript(port).run("cockpit", OWNER, OWNER, "--definition-id", definitionId,
                "--shot", "cockpit-owner-runtime").assertOk();

        assertThat(cockpit.path("badges")).anySatisfy(badge -> {
            assertThat(badge.path("activity").asText()).isEqualTo(PlatformProbeModel.USER_TASK_HANDLE);
            assertThat(badge.path("count").asInt()).isGreaterThanOrEqualTo(running.size());
        });
        String rows = cockpit.path("instanceRows").toString();
        assertThat(running).allSatisfy(instanceId -> assertThat(rows).contains(instanceId));
    }

    @Test
    void theOwnerSeesTheProjectAndSeverityOfEachRunningHazardAndFindsThemByProject() {
        InsuredProjects insuredProjects = new InsuredProjects(context);
        InsuredProjects.InsuredProject insured = insuredProjects.insured();
        InsuredProjects.Party verifier = insuredProjects.party(OrganizationType.SERVICE_ORG, InsuredProjects.COUNTY);
        long major = raise(insured, verifier, HazardSeverity.MAJOR);
        long general = raise(insured, verifier, HazardSeverity.GENERAL);
        String majorInstance = hazardInstance(major);
        String majorSummary = summaryOf(majorInstance);
        String generalSummary = summaryOf(hazardInstance(general));
        assertThat(majorSummary).contains(insured.project().code(), insured.project().name(), "重大隐患");
        assertThat(generalSummary).contains(insured.project().code(), "一般隐患");
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(HazardRectificationProcess.KEY).latestVersion().singleResult().getId();

        JsonNode cockpit = new TasklistScript(port).run("cockpit", OWNER, OWNER, "--definition-id", definitionId,
                "--search", insured.project().code(), "--instance-id", majorInstance,
                "--shot", "cockpit-owner-hazards").assertOk();

        assertThat(cockpit.path("caseRows").toString()).contains("隐患");
        assertThat(cockpit.path("searchRows")).hasSize(2);
        assertThat(cockpit.path("searchRows").toString()).contains(majorSummary, generalSummary,
                String.valueOf(major), String.valueOf(general));
        assertThat(cockpit.path("caseFacts").asText()).contains(majorSummary, "编号 " + major);
        assertThat(cockpit.path("english")).as("English shown beside 业务信息").isEmpty();
    }

    @Test
    void theOwnerDryRunsAndMigratesTheCasesThatMapInTheBrowser() {
        MigrationProbe probe = new MigrationProbe();
        Instant now = Instant.parse("2026-12-01T02:00:00Z");
        ClockUtil.setCurrentTime(Date.from(now));

        JsonNode migration = new TasklistScript(port).run("cockpit-migrate", OWNER, OWNER,
                "--definition-id", probe.definitionId(2),
                "--expect-text", "第 1 版 → 第 2 版：3 个运行中的实例",
                "--expect-text", "审批（UserTask_Approve）",
                "--expect-text", "定义已改变，迁移时按新版本重新计算到期时间",
                "--expect-text", probe.summaries.get(probe.atApproval),
                "--migrate-instance", probe.atReview.get(0), "--migrate-instance", probe.atReview.get(1),
                "--shot", "cockpit-owner-migration").assertOk();

        JsonNode offered = migration.path("sources").get(0).path("instances");
        assertThat(offered).hasSize(3);
        assertThat(offered).anySatisfy(instance -> {
            assertThat(instance.path("id").asText()).isEqualTo(probe.atApproval);
            assertThat(instance.path("disabled").asBoolean()).isTrue();
            assertThat(instance.path("text").asText()).contains("停在「审批」");
        });
        assertThat(migration.path("outcomeText").asText()).contains("2 个实例从第 1 版迁移到第 2 版", "提醒（Timer_Remind）");
        assertThat(migration.path("english")).as("English shown beside 版本迁移").isEmpty();

        probe.runBatches();
        for (String instance : probe.atReview) {
            assertThat(probe.versionOf(instance)).isEqualTo(2);
            Job reminder = engine.getManagementService().createJobQuery().processInstanceId(instance).timers()
                    .singleResult();
            assertThat(reminder.getDuedate().toInstant()).isEqualTo(now.plus(Duration.ofHours(2)));
        }
        assertThat(probe.versionOf(probe.atApproval)).isEqualTo(1);
    }

    @Test
    void theOwnerMapsTheRemovedTaskInThePageAndMovesTheCaseWaitingThere() {
        MigrationProbe probe = new MigrationProbe();

        JsonNode migration = new TasklistScript(port).run("cockpit-migrate", OWNER, OWNER,
                "--definition-id", probe.definitionId(2),
                "--map", "UserTask_Approve=UserTask_Review", "--migrate-instance", probe.atApproval,
                "--shot", "cockpit-owner-migration-mapped").assertOk();

        assertThat(migration.path("outcomeText").asText()).contains("1 个实例从第 1 版迁移到第 2 版");
        probe.runBatches();
        assertThat(probe.versionOf(probe.atApproval)).isEqualTo(2);
        assertThat(engine.getRuntimeService().getActiveActivityIds(probe.atApproval)).containsExactly("UserTask_Review");
        assertThat(probe.atReview).allSatisfy(instance -> assertThat(probe.versionOf(instance)).isEqualTo(1));
    }

    @Test
    void someoneWhoIsNoProcessOwnerReadsWhyAndGetsNoMigrateButton() {
        MigrationProbe probe = new MigrationProbe();
        PlatformFixtures.Member reader = new PlatformFixtures(engine, groups).member(Role.INSURER);
        // Cockpit and this process only, as an administrator might give an operator
        groups.grant(reader.groupId(), Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        groups.grant(reader.groupId(), Resources.PROCESS_DEFINITION, probe.key, Permissions.READ);

        JsonNode migration = new TasklistScript(port).run("cockpit-migrate", reader.userId(), reader.userId(),
                "--definition-id", probe.definitionId(2), "--expect-text", "只有流程管理员",
                "--shot", "cockpit-non-owner-migration").assertOk();

        assertThat(migration.path("state").asText()).isEqualTo("refused");
        assertThat(migration.path("buttons")).isEmpty();
        assertThat(migration.path("sources")).isEmpty();
        assertThat(probe.atReview).allSatisfy(instance -> assertThat(probe.versionOf(instance)).isEqualTo(1));
    }

    private long raise(InsuredProjects.InsuredProject insured, InsuredProjects.Party verifier, HazardSeverity severity) {
        return hazards.raise(new NewHazard(insured.project().id(), insured.policy().id(), HazardSource.VISIT, 1L,
                HazardCategory.SCAFFOLDING, severity, "连墙件缺失，架体外倾", severity.label() + "位置 3 号楼东侧外架",
                List.of(), "立即补设连墙件并加固架体", verifier.id(), verifier.user()));
    }

    private String hazardInstance(long hazardId) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(hazardId), HazardRectificationProcess.KEY).singleResult().getId();
    }

    private String summaryOf(String instanceId) {
        return (String) engine.getRuntimeService().getVariable(instanceId, TasklistFilters.CASE_SUMMARY);
    }

    /**
     * A process of this test alone: version 1 with three running cases — two at the review, one at the
     * approval — and version 2, which renames the review, moves its reminder and drops the approval.
     */
    private final class MigrationProbe {

        final String key = "cockpitMigration" + UUID.randomUUID().toString().substring(0, 8);
        final List<String> atReview;
        final String atApproval;
        final Map<String, String> summaries = new java.util.HashMap<>();

        MigrationProbe() {
            deploy(model("复核", "PT1H", true));
            atReview = List.of(start("甲"), start("乙"));
            atApproval = start("丙");
            engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(atApproval)
                    .singleResult().getId());
            deploy(model("复核（修订）", "PT2H", false));
        }

        private BpmnModelInstance model(String reviewName, String remindAfter, boolean withApproval) {
            var review = Bpmn.createExecutableProcess(key).name("迁移演示").camundaHistoryTimeToLive(1)
                    .startEvent("Start").name("开始")
                    .userTask("UserTask_Review").name(reviewName).camundaCandidateGroups("processOwners")
                    .boundaryEvent("Timer_Remind").name("提醒").cancelActivity(false).timerWithDuration(remindAfter)
                    .endEvent("End_Reminded").name("已提醒")
                    .moveToActivity("UserTask_Review");
            return withApproval
                    ? review.userTask("UserTask_Approve").name("审批").camundaCandidateGroups("processOwners")
                            .endEvent("End").name("结束").done()
                    : review.endEvent("End").name("结束").done();
        }

        private void deploy(BpmnModelInstance model) {
            deployments.add(engine.getRepositoryService().createDeployment().name("cockpit-migration-test")
                    .addModelInstance(key + ".bpmn", model).deploy().getId());
        }

        private String start(String project) {
            String summary = "忻府区 · 演示项目" + project + " · 一般隐患";
            String id = engine.getRuntimeService().startProcessInstanceByKey(key, project,
                    Map.of(TasklistFilters.CASE_SUMMARY, summary)).getId();
            summaries.put(id, summary);
            return id;
        }

        String definitionId(int version) {
            return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                    .processDefinitionVersion(version).singleResult().getId();
        }

        int versionOf(String instanceId) {
            String definitionId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId)
                    .singleResult().getProcessDefinitionId();
            return engine.getRepositoryService().getProcessDefinition(definitionId).getVersion();
        }

        /** Runs the seed, migration and monitor jobs of every batch, as the job executor (off in tests) would. */
        void runBatches() {
            for (int round = 0; round < 10; round++) {
                List<String> definitions = engine.getManagementService().createBatchQuery().list().stream()
                        .flatMap(batch -> java.util.stream.Stream.of(batch.getSeedJobDefinitionId(),
                                batch.getBatchJobDefinitionId(), batch.getMonitorJobDefinitionId()))
                        .toList();
                List<Job> jobs = engine.getManagementService().createJobQuery().list().stream()
                        // jobs without a definition (the history cleanup job, #15) belong to no batch
                        .filter(job -> job.getJobDefinitionId() != null && definitions.contains(job.getJobDefinitionId())).toList();
                if (jobs.isEmpty()) {
                    return;
                }
                jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
            }
        }
    }
}
