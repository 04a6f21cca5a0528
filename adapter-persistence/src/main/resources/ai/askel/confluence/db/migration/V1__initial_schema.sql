-- The connector's schema. One script for H2 and PostgreSQL: plain SQL both understand
-- (VARCHAR without a length is unbounded on both; BYTEA is PostgreSQL's binary type and an alias in H2).
-- Timestamps are TIMESTAMP WITH TIME ZONE and always written as UTC instants.

-- Workspaces exist once they have had an API key (the embedded default workspace never needs one).
CREATE TABLE workspace (
    id         VARCHAR(36)              NOT NULL PRIMARY KEY,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- API keys of the connector's HTTP API: only a visible prefix and a SHA-256 of the whole key.
CREATE TABLE api_key (
    id           VARCHAR(64)              NOT NULL PRIMARY KEY,
    workspace_id VARCHAR(36)              NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    name         VARCHAR(200)             NOT NULL,
    prefix       VARCHAR(64)              NOT NULL,
    key_hash     CHAR(64)                 NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_key_prefix_unique UNIQUE (prefix)
);
CREATE INDEX api_key_workspace ON api_key (workspace_id);

-- Connections to customers' Confluence sites. The API token is AES-256-GCM ciphertext (with its tag),
-- the 12-byte nonce used for it, and the id of the master key that encrypted it.
CREATE TABLE connection (
    id               VARCHAR(36)              NOT NULL PRIMARY KEY,
    workspace_id     VARCHAR(36)              NOT NULL,
    name             VARCHAR(100)             NOT NULL,
    site_url         VARCHAR(300)             NOT NULL,
    cloud_id         VARCHAR(36),
    email            VARCHAR(400)             NOT NULL,
    token_ciphertext BYTEA                    NOT NULL,
    token_nonce      BYTEA                    NOT NULL,
    token_key_id     VARCHAR(64)              NOT NULL,
    account_id       VARCHAR(200),
    status           VARCHAR(32)              NOT NULL,
    token_expires_on DATE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX connection_workspace ON connection (workspace_id);

-- Runbooks: unique per (connection, space, title); revision is the optimistic lock.
-- Inputs, labels and the attachments last written are JSON text: they are read and written with the row.
CREATE TABLE runbook (
    id                         VARCHAR(36)              NOT NULL PRIMARY KEY,
    workspace_id               VARCHAR(36)              NOT NULL,
    connection_id              VARCHAR(36)              NOT NULL REFERENCES connection (id) ON DELETE CASCADE,
    space_key                  VARCHAR(256)             NOT NULL,
    parent_title               VARCHAR(1024)            NOT NULL,
    title                      VARCHAR(1024)            NOT NULL,
    template_id                VARCHAR(64)              NOT NULL,
    template_version           VARCHAR(32)              NOT NULL,
    inputs_json                VARCHAR                  NOT NULL,
    labels_json                VARCHAR                  NOT NULL,
    status                     VARCHAR(16)              NOT NULL,
    page_id                    VARCHAR(32),
    parent_page_id             VARCHAR(32),
    published_version          INTEGER,
    published_hash             CHAR(64),
    published_title            VARCHAR(1024),
    published_labels_json      VARCHAR,
    published_attachments_json VARCHAR,
    published_at               TIMESTAMP WITH TIME ZONE,
    revision                   BIGINT                   NOT NULL,
    CONSTRAINT runbook_target_unique UNIQUE (connection_id, space_key, title)
);

-- The pages the connector created and keeps (runbook pages and the parents it made).
CREATE TABLE managed_page (
    connection_id  VARCHAR(36)              NOT NULL REFERENCES connection (id) ON DELETE CASCADE,
    page_id        VARCHAR(32)              NOT NULL,
    space_key      VARCHAR(256)             NOT NULL,
    title          VARCHAR(1024)            NOT NULL,
    parent_page_id VARCHAR(32),
    role           VARCHAR(16)              NOT NULL,
    runbook_id     VARCHAR(36),
    version        INTEGER                  NOT NULL,
    content_hash   CHAR(64)                 NOT NULL,
    labels_json    VARCHAR                  NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT managed_page_pk PRIMARY KEY (connection_id, page_id)
);
CREATE INDEX managed_page_title ON managed_page (connection_id, space_key, title);

-- Idempotency records: no response yet means the first request is still running.
CREATE TABLE idempotency_record (
    workspace_id    VARCHAR(36)              NOT NULL,
    idempotency_key VARCHAR(255)             NOT NULL,
    request_hash    CHAR(64)                 NOT NULL,
    response_status INTEGER,
    response_body   VARCHAR,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_record_pk PRIMARY KEY (workspace_id, idempotency_key)
);
CREATE INDEX idempotency_record_expiry ON idempotency_record (expires_at);

-- Append-only audit log. No foreign keys: the record outlives what it talks about.
CREATE TABLE audit_event (
    id             BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    workspace_id   VARCHAR(36)              NOT NULL,
    api_key_prefix VARCHAR(64),
    operation      VARCHAR                  NOT NULL,
    connection_id  VARCHAR(36),
    page_id        VARCHAR(32),
    outcome        VARCHAR                  NOT NULL,
    trace_id       VARCHAR(200)
);
CREATE INDEX audit_event_workspace ON audit_event (workspace_id, occurred_at);

-- Drift findings. page_id is '' for findings about the whole connection, so that the unique
-- constraint covers them too. open_marker is 'Y' while the finding is open and NULL once resolved:
-- NULLs are distinct in a unique constraint on both databases, so resolved history is kept while
-- at most one finding per (connection, page, kind) is open (a portable partial unique index).
CREATE TABLE drift_finding (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    connection_id VARCHAR(36)              NOT NULL REFERENCES connection (id) ON DELETE CASCADE,
    page_id       VARCHAR(32)              NOT NULL,
    kind          VARCHAR(32)              NOT NULL,
    detail        VARCHAR                  NOT NULL,
    first_seen    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen     TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at   TIMESTAMP WITH TIME ZONE,
    open_marker   CHAR(1),
    CONSTRAINT drift_finding_open_unique UNIQUE (connection_id, page_id, kind, open_marker),
    CONSTRAINT drift_finding_open_marker CHECK ((open_marker = 'Y' AND resolved_at IS NULL)
        OR (open_marker IS NULL AND resolved_at IS NOT NULL))
);
