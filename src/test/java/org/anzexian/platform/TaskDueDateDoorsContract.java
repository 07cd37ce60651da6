package org.anzexian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.Date;
import org.anzexian.platform.PlatformFixtures.Member;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.Role;
import org.anzexian.support.EngineDoors;
import org.anzexian.support.EngineDoors.Answer;
import org.anzexian.support.EngineDoors.Door;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * #12: a task's due date is our code's; its own assignee can neither clear nor move it — through
 * {@code /engine-rest} and through the Tasklist's API alike (its date pickers send {@code PUT /task/{id}})
 * — so it cannot drop out of 已逾期 for everyone. The administrator still can.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TaskDueDateDoorsContract {

    /** The configured administrator ({@code camunda.bpm.admin-user}). */
    private static final String ADMIN = "demo";
    private static final SimpleDateFormat REST_DATE = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired GroupDirectory groups;

    private PlatformFixtures fixtures;
    private EngineDoors doors;

    @BeforeEach
    void probe() {
        fixtures = new PlatformFixtures(engine, groups);
        fixtures.deployProbe();
        doors = new EngineDoors(port);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void theAssigneeCannotClearNorMoveItsDueDateButTheAdministratorCan(Door door) {
        Member insurer = fixtures.member(Role.INSURER);
        Task task = task(fixtures.startProbe(insurer.groupId(), Duration.ofHours(2)).getId());
        Date due = task.getDueDate();
        EngineDoors.User assignee = doors.as(door, insurer.userId(), insurer.userId());
        assertThat(assignee.claim(task.getId()).status()).as("claiming stays open").isEqualTo(204);

        Answer cleared = assignee.setDueDate(task.getId(), null);
        Answer moved = assignee.setDueDate(task.getId(), REST_DATE.format(new Date(due.getTime() + Duration.ofDays(365).toMillis())));

        for (Answer answer : new Answer[] {cleared, moved}) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(403);
            assertThat(answer.json().path("message").asText()).contains("由系统维护");
        }
        Task after = task(task.getProcessInstanceId());
        assertThat(after.getDueDate()).as("the due date as our code set it").isEqualTo(due);
        assertThat(after.getAssignee()).isEqualTo(insurer.userId());

        Date later = new Date(due.getTime() + Duration.ofDays(1).toMillis());
        Answer byAdmin = doors.as(door, ADMIN, ADMIN).setDueDate(task.getId(), REST_DATE.format(later));
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(204);
        assertThat(task(task.getProcessInstanceId()).getDueDate()).isCloseTo(later, 1000);
    }

    private Task task(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }
}
