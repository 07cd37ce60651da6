package org.anzexian.underwriting;

import static org.anzexian.underwriting.PolicyUnderwritingProcess.DECLINE;
import static org.anzexian.underwriting.PolicyUnderwritingProcess.KEY;
import static org.anzexian.underwriting.PolicyUnderwritingProcess.VAR_DECLINE_REASON;
import static org.anzexian.underwriting.PolicyUnderwritingProcess.VAR_QUOTATION_DECISION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.platform.archive.ArchiveEntry;
import org.anzexian.platform.archive.OrganizationArchive;
import org.anzexian.platform.archive.ServiceArchive;
import org.anzexian.support.PortalClient;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * History at scale (#15): the engine's FULL history of a case is removed by the scheduled history cleanup once
 * its model's time to live has passed since the case ended, inside the night window only; the history of a case
 * still within its time to live, our archives (N6.4) and our business records stay.
 *
 * <p>The test database is shared by the whole run, and cleanup removes every row whose removal time has passed.
 * So the cases of this test end long ago (2005, 2006) and the clock only moves to 2015 — before any other test's
 * cases could fall due (the earliest clock any test sets is 2022) — and the history cleanup jobs are put back on
 * the real night's schedule afterwards.
 */
abstract class HistoryCleanupContract extends UnderwritingFixtures {

    static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

    /** The engine's history tables of a case, each with the column naming the case's root process instance. */
    static final Map<String, String> HISTORY_TABLES = tables();

    /** The name of policyUnderwriting, as a case page's timeline shows it beside each of its steps. */
    static final String UNDERWRITING_NAME = "安责险投保承保";
    static final String REGISTRATION_NAME = "服务团队登记";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired ServiceArchive serviceArchive;
    @Autowired OrganizationArchive organizationArchive;

    @AfterEach
    void backOnTheRealNightsSchedule() {
        ClockUtil.reset();
        engine.getHistoryService().cleanUpHistoryAsync(false);
    }

    @Test
    void theConfiguredCleanupIsRemovalTimeBasedAtNightInShanghai() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00+0800");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00+0800");
        assertThat(configuration.getHistoryCleanupBatchSize()).isEqualTo(500);
        assertThat(configuration.getHistoryCleanupDegreeOfParallelism()).isEqualTo(1);
        assertThat(configuration.getHistoryCleanupJobLogTimeToLive()).isEqualTo("P30D");
        assertThat(configuration.getBatchOperationHistoryTimeToLive()).isEqualTo("P180D");
        assertThat(configuration.getTaskMetricsTimeToLive()).isEqualTo("P540D");
        assertThat(configuration.isHistoryCleanupEnabled()).isTrue();
        // every executable model has a time to live: nothing is kept for ever by accident (DeploymentGate)
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list())
                .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isNotNull());
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().latestVersion().list())
                .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isNotNull());
    }

    @Test
    void aCasePastItsTimeToLiveLosesItsEngineHistoryInTheNightWindowOnly_N6_4() {
        int timeToLive = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getHistoryTimeToLive();
        assertThat(timeToLive).isEqualTo(3650);
        // two declined cases: one ended in 2005, one a year later
        ClockUtil.setCurrentTime(at(OffsetDateTime.of(2005, 3, 1, 10, 0, 0, 0, SHANGHAI)));
        Case old = declinedCase();
        ClockUtil.setCurrentTime(at(OffsetDateTime.of(2006, 3, 1, 10, 0, 0, 0, SHANGHAI)));
        Case recent = declinedCase();
        Map<String, Long> oldHistory = history(old.instanceId());
        Map<String, Long> recentHistory = history(recent.instanceId());
        // the FULL history of a case: instance, steps, the insurer's task, variables and their details, who did what
        assertThat(oldHistory).allSatisfy((table, rows) -> {
            if (List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL",
                    "ACT_HI_OP_LOG").contains(table)) {
                assertThat(rows).as(table).isPositive();
            }
        });
        long serviceEntries = count("SELECT COUNT(*) FROM service_archive");
        long organizationEntries = count("SELECT COUNT(*) FROM organization_archive");
        long completions = count("SELECT COUNT(*) FROM task_completion");

        // 2015-06-01 noon in Shanghai: the old case is past end + 10 years, the recent one is not; outside the window
        ClockUtil.setCurrentTime(at(OffsetDateTime.of(2015, 6, 1, 12, 0, 0, 0, SHANGHAI)));
        engine.getHistoryService().cleanUpHistoryAsync(false);
        List<Job> cleanup = engine.getHistoryService().findHistoryCleanupJobs();
        assertThat(cleanup).hasSize(1);
        assertThat(cleanup).allSatisfy(job -> assertThat(job.getDuedate())
                .isEqualTo(at(OffsetDateTime.of(2015, 6, 2, 1, 0, 0, 0, SHANGHAI))));
        assertThat(dueCleanupJobs()).isEmpty();
        // even run by force outside the window, the job removes nothing and waits for the night
        cleanup.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        assertThat(history(old.instanceId())).isEqualTo(oldHistory);
        assertThat(engine.getHistoryService().findHistoryCleanupJobs()).allSatisfy(job -> assertThat(job.getDuedate())
                .isEqualTo(at(OffsetDateTime.of(2015, 6, 2, 1, 0, 0, 0, SHANGHAI))));

        // 01:30 the next night: the job is due, and the job executor would run it
        ClockUtil.setCurrentTime(at(OffsetDateTime.of(2015, 6, 2, 1, 30, 0, 0, SHANGHAI)));
        assertThat(dueCleanupJobs()).hasSize(1);
        runDueCleanupJobs();

        assertThat(history(old.instanceId())).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(old.instanceId())
                .count()).isZero();
        assertThat(history(recent.instanceId())).isEqualTo(recentHistory);
        // our own records: the quotations, the archives (N6.4, chains intact), who completed which task
        assertThat(underwriting.get(builder.user(), old.quotationId()).status()).isEqualTo(QuotationStatus.DECLINED);
        assertThat(underwriting.get(builder.user(), recent.quotationId()).status()).isEqualTo(QuotationStatus.DECLINED);
        assertThat(count("SELECT COUNT(*) FROM service_archive")).isEqualTo(serviceEntries);
        assertThat(count("SELECT COUNT(*) FROM organization_archive")).isEqualTo(organizationEntries);
        assertThat(count("SELECT COUNT(*) FROM task_completion")).isEqualTo(completions);
        assertThat(serviceArchive.verify(project.id()).intact()).isTrue();
        assertThat(organizationArchive.verify(insurer.organization().id()).intact()).isTrue();
        assertThat(organizationArchive.verify(builder.organization().id()).intact()).isTrue();

        // a year later the recent case is past its time to live too
        ClockUtil.setCurrentTime(at(OffsetDateTime.of(2016, 6, 2, 2, 0, 0, 0, SHANGHAI)));
        engine.getHistoryService().cleanUpHistoryAsync(false);
        runDueCleanupJobs();
        assertThat(history(recent.instanceId())).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    }

    @Test
    void afterItsTimeToLiveAPolicysTimelineShowsItsArchiveEntriesOnly_N6_4() {
        ClockUtil.setCurrentTime(at(OffsetDateTime.of(2005, 3, 1, 10, 0, 0, 0, SHANGHAI)));
        Policy policy = issuedPolicy(builder, project);
        String underwritingInstance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(KEY).processInstanceBusinessKey(String.valueOf(policy.quotationId()))
                .finished().singleResult().getId();
        PortalClient city = PortalClient.loggedIn(port, "city");
        String before = city.get("/portal/cases/policy/" + policy.id()).body();
        long archiveEntries = occurrences(before, "<li class=\"archive\">");
        List<ArchiveEntry> projectArchive = serviceArchive.entries(project.id());
        assertThat(occurrences(before, "<p class=\"detail\">" + UNDERWRITING_NAME + "</p>")).isPositive();
        assertThat(occurrences(before, "<p class=\"detail\">" + REGISTRATION_NAME + "</p>")).isPositive();

        ClockUtil.setCurrentTime(at(OffsetDateTime.of(2015, 6, 2, 1, 30, 0, 0, SHANGHAI)));
        engine.getHistoryService().cleanUpHistoryAsync(false);
        runDueCleanupJobs();

        assertThat(history(underwritingInstance)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        String after = city.get("/portal/cases/policy/" + policy.id()).body();
        assertThat(occurrences(after, "<p class=\"detail\">" + UNDERWRITING_NAME + "</p>")).isZero();
        // the service-team registration still runs: its history stays; the archive is as it was
        assertThat(occurrences(after, "<p class=\"detail\">" + REGISTRATION_NAME + "</p>")).isPositive();
        assertThat(occurrences(after, "<li class=\"archive\">")).isEqualTo(archiveEntries);
        assertThat(serviceArchive.entries(project.id())).isEqualTo(projectArchive);
        assertThat(serviceArchive.verify(project.id()).intact()).isTrue();
        assertThat(underwriting.effectivePolicy(project.constructionContract().id())).isPresent();
    }

    record Case(long quotationId, String instanceId) {
    }

    /** A quotation request the insurer declines (N4.4): policyUnderwriting runs to its end. */
    private Case declinedCase() {
        Quotation quotation = underwriting.requestQuotations(builder.user(), request(project, insurer)).quotations().get(0);
        ProcessInstance instance = instance(quotation.id());
        complete(instance, insurer.clerk(), Map.of(VAR_QUOTATION_DECISION, DECLINE, VAR_DECLINE_REASON, "项目位于地质灾害高风险区"));
        executeJobs(instance);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .finished().count()).isOne();
        return new Case(quotation.id(), instance.getId());
    }

    private List<Job> dueCleanupJobs() {
        List<String> cleanup = engine.getHistoryService().findHistoryCleanupJobs().stream().map(Job::getId).toList();
        return engine.getManagementService().createJobQuery().executable().list().stream()
                .filter(job -> cleanup.contains(job.getId())).toList();
    }

    /** Runs the due cleanup jobs as the job executor would, until they wait for their next run. */
    private void runDueCleanupJobs() {
        for (int round = 0; round < 20; round++) {
            List<Job> due = dueCleanupJobs();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        throw new AssertionError("history cleanup keeps running");
    }

    /** Rows of the case's root process instance in each history table of the engine. */
    private Map<String, Long> history(String rootProcessInstanceId) {
        Map<String, Long> rows = new LinkedHashMap<>();
        HISTORY_TABLES.forEach((table, column) -> rows.put(table,
                count("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", rootProcessInstanceId)));
        return rows;
    }

    private static long occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private long count(String sql, Object... parameters) {
        return jdbc.sql(sql).params(parameters).query(Long.class).single();
    }

    private static Date at(OffsetDateTime time) {
        return Date.from(time.toInstant());
    }

    private static Map<String, String> tables() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("ACT_HI_PROCINST", "PROC_INST_ID_");
        for (String table : List.of("ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL",
                "ACT_HI_IDENTITYLINK", "ACT_HI_JOB_LOG", "ACT_HI_OP_LOG", "ACT_HI_INCIDENT", "ACT_HI_COMMENT",
                "ACT_HI_ATTACHMENT", "ACT_HI_DECINST", "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT", "ACT_HI_EXT_TASK_LOG",
                "ACT_GE_BYTEARRAY")) {
            tables.put(table, "ROOT_PROC_INST_ID_");
        }
        return tables;
    }
}
