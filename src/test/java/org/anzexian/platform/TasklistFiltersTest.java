package org.anzexian.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.anzexian.platform.PlatformFixtures.Member;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.Role;
import org.anzexian.platform.tasklist.TasklistFilters;
import org.anzexian.support.AnzexianTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Chinese Tasklist filters: who sees which, and what each lists as the clock moves. */
@AnzexianTest
class TasklistFiltersTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    GroupDirectory groups;

    PlatformFixtures fixtures;

    @BeforeEach
    void deployProbe() {
        fixtures = new PlatformFixtures(engine, groups);
        fixtures.deployProbe();
    }

    @AfterEach
    void reset() {
        engine.getIdentityService().clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void countyUserSeesItsChineseFilters() {
        Member county = fixtures.member(Role.COUNTY);
        assertThat(filterNamesVisibleTo(county)).containsExactly("我的待办", "本组待办", "即将到期", "已逾期");
    }

    @Test
    void notifiedOnlyRolesSeeNoDeadlineFilters() {
        Member emergency = fixtures.member(Role.EMERGENCY_BUREAU);
        assertThat(filterNamesVisibleTo(emergency)).containsExactly("我的待办", "本组待办");
    }

    @Test
    void groupTaskMovesFromDueSoonToOverdueWhenItsDeadlinePasses() {
        Member county = fixtures.member(Role.COUNTY);
        ProcessInstance instance = fixtures.startProbe(county.groupId(), Duration.ofHours(2));

        assertThat(countAs(county, "本组待办", instance)).isEqualTo(1);
        assertThat(countAs(county, "即将到期", instance)).isEqualTo(1);
        assertThat(countAs(county, "已逾期", instance)).isZero();

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(3))));

        assertThat(countAs(county, "即将到期", instance)).isZero();
        assertThat(countAs(county, "已逾期", instance)).isEqualTo(1);
    }

    @Test
    void claimedTaskLeavesTheGroupFilterForMine() {
        Member insurer = fixtures.member(Role.INSURER);
        ProcessInstance instance = fixtures.startProbe(insurer.groupId(), Duration.ofDays(3));
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .singleResult().getId();

        engine.getTaskService().claim(taskId, insurer.userId());

        assertThat(countAs(insurer, "本组待办", instance)).isZero();
        assertThat(countAs(insurer, "我的待办", instance)).isEqualTo(1);
    }

    @Test
    void overdueListsMyClaimsAndMyGroupsUnclaimedTasksButNotAColleaguesClaim() {
        Member clerk = fixtures.member(Role.INSURER);
        Member colleague = new Member("u" + clerk.groupId() + "b", clerk.groupId());
        groups.ensureUser(colleague.userId(), "测试", "同事", colleague.userId() + "@test.anzexian.local",
                colleague.userId());
        groups.ensureMembership(colleague.userId(), clerk.groupId());
        ProcessInstance unclaimed = fixtures.startProbe(clerk.groupId(), Duration.ofHours(1));
        ProcessInstance mine = fixtures.startProbe(clerk.groupId(), Duration.ofHours(1));
        ProcessInstance colleagues = fixtures.startProbe(clerk.groupId(), Duration.ofHours(1));
        engine.getTaskService().claim(taskOf(mine), clerk.userId());
        engine.getTaskService().claim(taskOf(colleagues), colleague.userId());

        for (String filter : List.of("即将到期", "已逾期")) {
            if (filter.equals("已逾期")) {
                ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(2))));
            }
            assertThat(countAs(clerk, filter, unclaimed)).as(filter + ", unclaimed").isEqualTo(1);
            assertThat(countAs(clerk, filter, mine)).as(filter + ", claimed by me").isEqualTo(1);
            assertThat(countAs(clerk, filter, colleagues)).as(filter + ", claimed by a colleague").isZero();
            assertThat(countAs(colleague, filter, colleagues)).as(filter + ", the colleague's own").isEqualTo(1);
        }
    }

    private String taskOf(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    }

    @Test
    void anotherOrganizationsFilterShowsNoneOfItsTasks() {
        Member insurerA = fixtures.member(Role.INSURER);
        Member insurerB = fixtures.member(Role.INSURER);
        ProcessInstance instanceOfB = fixtures.startProbe(insurerB.groupId(), Duration.ofMinutes(30));

        assertThat(countAs(insurerA, "本组待办", instanceOfB)).isZero();
        assertThat(countAs(insurerA, "即将到期", instanceOfB)).isZero();
        assertThat(countAs(insurerB, "即将到期", instanceOfB)).isEqualTo(1);
    }

    private List<String> filterNamesVisibleTo(Member member) {
        authenticate(member);
        try {
            return filterService().createTaskFilterQuery().list().stream()
                    .sorted((a, b) -> Integer.compare(priority(a), priority(b)))
                    .map(Filter::getName)
                    .collect(Collectors.toList());
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private long countAs(Member member, String filterName, ProcessInstance instance) {
        authenticate(member);
        try {
            Filter filter = filterService().createTaskFilterQuery().filterName(filterName).singleResult();
            return filterService().count(filter.getId(),
                    engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static int priority(Filter filter) {
        Map<String, Object> properties = filter.getProperties();
        return ((Number) properties.get("priority")).intValue();
    }

    private void authenticate(Member member) {
        engine.getIdentityService().setAuthentication(member.userId(), List.of(member.groupId()));
    }

    private FilterService filterService() {
        return engine.getFilterService();
    }

    /** #12: every filter lists each task with its case summary, the facts that tell cases apart. */
    @Test
    void everyFilterShowsTheCaseSummaryOfEachTask() {
        Member county = fixtures.member(Role.COUNTY);
        filterNamesVisibleTo(county);

        List<Filter> filters = engine.getFilterService().createTaskFilterQuery().list();

        assertThat(filters).isNotEmpty().allSatisfy(filter -> assertThat(filter.getProperties().get("variables"))
                .isEqualTo(List.of(Map.of("name", "caseSummary", "label", "事项"))));
    }

    /**
     * #12: a task's description is the user task's userDescription property, written for users; the BPMN
     * documentation (a developer note) does not reach the Tasklist.
     */
    @Test
    void theTaskDescriptionIsTheUserDescriptionNotTheDeveloperNote() {
        Member insurer = fixtures.member(Role.INSURER);
        ProcessInstance probe = fixtures.startProbe(insurer.groupId(), Duration.ofDays(1));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(probe.getId()).singleResult()
                .getDescription()).isEqualTo(PlatformProbeModel.USER_TASK_HANDLE_DESCRIPTION);

        engine.getRepositoryService().createDeployment().name("platform-tests-undescribed")
                .addModelInstance("undescribed.bpmn", org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("undescribed")
                        .startEvent().userTask("UserTask_Undescribed").documentation("developer note only")
                        .endEvent().done())
                .deploy();
        String undescribed = engine.getRuntimeService().startProcessInstanceByKey("undescribed").getId();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(undescribed).singleResult()
                .getDescription()).isNull();
    }

    /**
     * #15: the case summary is copied onto each task for the task list (#12), but the engine keeps history of the
     * instance's own summary only; a task whose copy has no history still completes, and the next task gets its copy.
     */
    @Test
    void theCaseSummaryCopiedOntoATaskKeepsNoHistoryOfItsOwn() {
        engine.getRepositoryService().createDeployment().name("platform-tests-summarised")
                .addModelInstance("summarised.bpmn", org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("summarised")
                        .startEvent().userTask("UserTask_First").userTask("UserTask_Second").endEvent().done())
                .deploy();
        String summary = "忻府区 · 历史探针 · 一般隐患";
        String instance = engine.getRuntimeService().startProcessInstanceByKey("summarised",
                Map.of(TasklistFilters.CASE_SUMMARY, summary)).getId();
        String first = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
        assertThat(engine.getTaskService().getVariableLocal(first, TasklistFilters.CASE_SUMMARY)).isEqualTo(summary);

        engine.getTaskService().complete(first);

        String second = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
        assertThat(second).isNotEqualTo(first);
        assertThat(engine.getTaskService().getVariableLocal(second, TasklistFilters.CASE_SUMMARY)).isEqualTo(summary);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName(TasklistFilters.CASE_SUMMARY).list())
                .extracting(HistoricVariableInstance::getTaskId, HistoricVariableInstance::getValue)
                .containsExactly(tuple(null, summary));
        assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance).variableUpdates()
                .list()).extracting(detail -> ((HistoricVariableUpdate) detail).getVariableName(), HistoricDetail::getTaskId)
                .containsExactly(tuple(TasklistFilters.CASE_SUMMARY, null));
    }
}
