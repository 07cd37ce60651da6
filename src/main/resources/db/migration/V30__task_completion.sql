-- Who completed each user task (#14, case pages and 我的事项): the person the engine seam says acts
-- (platform.engine.Acting) — the Tasklist user at an engine door, or the /api caller whose service
-- completed the task as the system. The engine's own history keeps only the assignee, which is empty
-- when a task is completed without being claimed, and nobody for /api completions.
CREATE TABLE task_completion (
    task_id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    process_instance_id VARCHAR(64)  NOT NULL,
    process_key         VARCHAR(255) NOT NULL,
    business_key        VARCHAR(255),
    task_key            VARCHAR(255) NOT NULL,
    task_name           VARCHAR(255),
    user_id             VARCHAR(255) NOT NULL,
    completed_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_task_completion_user ON task_completion (user_id, completed_at);
CREATE INDEX ix_task_completion_instance ON task_completion (process_instance_id);

-- 我的事项 lists the archive entries of the steps a person took (the archive names who acted).
CREATE INDEX ix_service_archive_actor ON service_archive (actor, recorded_at);
