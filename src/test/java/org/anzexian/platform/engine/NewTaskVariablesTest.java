package org.anzexian.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import org.anzexian.platform.tasklist.TasklistFilters;
import org.anzexian.support.AnzexianTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * #15 goal 1: a task's summary copy is written without asking the database for the variables of a task that was
 * created in the same command; a task written before is asked for as always.
 */
@AnzexianTest
class NewTaskVariablesTest {

    /** The engine's statements about variables log under their mapping's name (MyBatis, at debug). */
    private static final String VARIABLE_STATEMENTS = "org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity";

    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void deploy() {
        engine.getRepositoryService().createDeployment().name("platform-tests-new-task")
                .addModelInstance("new-task.bpmn", Bpmn.createExecutableProcess("newTaskProbe")
                        .startEvent().userTask("UserTask_Probe").endEvent().done())
                .deploy();
    }

    @Test
    void aNewTaskGetsItsSummaryCopyWithoutAQueryForItsVariables() {
        String summary = "忻府区 · 新任务探针 · 一般隐患";
        String[] instance = new String[1];
        List<String> statements = variableStatementsDuring(() -> instance[0] = engine.getRuntimeService()
                .startProcessInstanceByKey("newTaskProbe", Map.of(TasklistFilters.CASE_SUMMARY, summary)).getId());

        assertThat(statements).as("the instance's own summary and the task's copy are written")
                .filteredOn(statement -> statement.contains(".insertVariableInstance ==> Parameters")).hasSize(2);
        assertThat(statements).noneMatch(statement -> statement.contains(".selectVariablesByTaskId"));

        String task = engine.getTaskService().createTaskQuery().processInstanceId(instance[0]).singleResult().getId();
        assertThat(engine.getTaskService().getVariableLocal(task, TasklistFilters.CASE_SUMMARY)).isEqualTo(summary);
    }

    @Test
    void aTaskWrittenBeforeIsAskedForItsVariables() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("newTaskProbe",
                Map.of(TasklistFilters.CASE_SUMMARY, "忻府区 · 旧任务探针")).getId();
        String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();

        List<String> statements = variableStatementsDuring(
                () -> engine.getTaskService().setVariableLocal(task, "note", "现场已复查"));

        assertThat(statements).anyMatch(statement -> statement.contains(".selectVariablesByTaskId"));
        assertThat(engine.getTaskService().getVariablesLocal(task))
                .containsEntry(TasklistFilters.CASE_SUMMARY, "忻府区 · 旧任务探针")
                .containsEntry("note", "现场已复查");
    }

    private static List<String> variableStatementsDuring(Runnable work) {
        Logger logger = (Logger) LoggerFactory.getLogger(VARIABLE_STATEMENTS);
        Level level = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        try {
            work.run();
        } finally {
            logger.setLevel(level);
            logger.detachAppender(appender);
        }
        return appender.list.stream().map(event -> event.getLoggerName() + " " + event.getFormattedMessage()).toList();
    }
}
