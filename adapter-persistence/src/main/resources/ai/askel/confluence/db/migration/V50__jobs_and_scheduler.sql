-- Jobs: batches of runbook publishes that any instance may run, and their items' results.
-- One script for H2 and PostgreSQL (see V1). TEXT is unbounded on both (a CLOB in H2): an item's request
-- carries its attachments inline.
CREATE TABLE job (
    id                  VARCHAR(36)              NOT NULL PRIMARY KEY,
    workspace_id        VARCHAR(36)              NOT NULL,
    connection_id       VARCHAR(36)              NOT NULL,
    kind                VARCHAR(40)              NOT NULL,
    total               INTEGER                  NOT NULL,
    idempotency_key     VARCHAR(255),
    submitted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    cancel_requested_at TIMESTAMP WITH TIME ZONE,
    finished_at         TIMESTAMP WITH TIME ZONE,
    -- NULL keys do not collide on either database
    CONSTRAINT job_idempotency_unique UNIQUE (workspace_id, idempotency_key)
);
CREATE INDEX job_workspace_submitted ON job (workspace_id, submitted_at);
CREATE INDEX job_finished ON job (finished_at);

CREATE TABLE job_item (
    job_id       VARCHAR(36)              NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    item_index   INTEGER                  NOT NULL,
    title        VARCHAR(400)             NOT NULL,
    request      TEXT                     NOT NULL,
    state        VARCHAR(16)              NOT NULL,
    attempts     INTEGER                  NOT NULL,
    outcome      VARCHAR(16),
    runbook_id   VARCHAR(36),
    page_id      VARCHAR(64),
    error_code   VARCHAR(64),
    error_detail VARCHAR(2000),
    finished_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (job_id, item_index)
);
CREATE INDEX job_item_state ON job_item (job_id, state);

-- db-scheduler's table (the queue of job items and the recurring tasks), as its documentation gives it
-- for PostgreSQL; the types are ones H2 reads the same way (BYTEA is an alias there).
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100)             NOT NULL,
    task_instance        VARCHAR(200)             NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            VARCHAR(200),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);
