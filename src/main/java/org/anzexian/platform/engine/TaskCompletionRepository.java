package org.anzexian.platform.engine;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code task_completion}: who completed which user task, written in the completion's transaction. */
@Repository
class TaskCompletionRepository {

    /** One completed task. */
    record Row(String taskId, String processInstanceId, String processKey, String businessKey, String taskKey,
            String taskName, String userId, OffsetDateTime completedAt) {
    }

    private final JdbcClient jdbc;

    TaskCompletionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(DelegateTask task, String userId) {
        String processKey = task.getProcessDefinitionId() == null ? "" : task.getProcessDefinitionId().split(":")[0];
        String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        jdbc.sql("""
                INSERT INTO task_completion (task_id, process_instance_id, process_key, business_key, task_key, task_name,
                    user_id, completed_at)
                VALUES (:taskId, :instance, :processKey, :businessKey, :taskKey, :taskName, :userId, :at)
                """)
                .param("taskId", task.getId())
                .param("instance", task.getProcessInstanceId())
                .param("processKey", processKey)
                .param("businessKey", businessKey)
                .param("taskKey", task.getTaskDefinitionKey())
                .param("taskName", task.getName())
                .param("userId", userId)
                .param("at", ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Who completed each of these tasks, by task id. */
    Map<String, String> completers(Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT task_id, user_id FROM task_completion WHERE task_id IN (:ids)")
                .param("ids", taskIds)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    /** The tasks the user completed, newest first (at most {@code limit}). */
    List<Row> completedBy(String userId, int limit) {
        return jdbc.sql("""
                SELECT task_id, process_instance_id, process_key, business_key, task_key, task_name, user_id, completed_at
                FROM task_completion WHERE user_id = :userId ORDER BY completed_at DESC, task_id
                """)
                .param("userId", userId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class)))
                .list().stream().limit(limit).toList();
    }
}
