package org.anzexian.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.anzexian.platform.PlatformFixtures.Member;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.Role;
import org.anzexian.support.AnzexianTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Business time is the engine's time: moving Camunda's clock moves both, and timers follow it. */
@AnzexianTest
class BusinessClockTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    GroupDirectory groups;
    @Autowired
    Clock clock;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void businessClockIsInShanghaiAndMovesWithTheEngineClock() {
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        Instant moved = Instant.parse("2027-03-01T00:30:00Z");

        ClockUtil.setCurrentTime(Date.from(moved));

        assertThat(clock.instant()).isEqualTo(moved);
        assertThat(clock.instant().atZone(clock.getZone()).getHour()).isEqualTo(8);
    }

    @Test
    void reminderTimerFiresOnlyAfterTheClockPassesIt() {
        PlatformFixtures fixtures = new PlatformFixtures(engine, groups);
        fixtures.deployProbe();
        Member insurer = fixtures.member(Role.INSURER);
        ProcessInstance instance = fixtures.startProbe(insurer.groupId(), Duration.ofDays(1));

        BpmnAwareTests.assertThat(instance).isWaitingAt(PlatformProbeModel.USER_TASK_HANDLE);
        assertThat(executableTimers(instance)).isZero();

        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofMinutes(61))));
        assertThat(executableTimers(instance)).isEqualTo(1);
        execute(job(PlatformProbeModel.TIMER_REMINDER, instance));

        BpmnAwareTests.assertThat(instance).hasPassed(PlatformProbeModel.TIMER_REMINDER).isWaitingAt(PlatformProbeModel.USER_TASK_HANDLE);
    }

    private long executableTimers(ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .timers().executable().count();
    }
}
