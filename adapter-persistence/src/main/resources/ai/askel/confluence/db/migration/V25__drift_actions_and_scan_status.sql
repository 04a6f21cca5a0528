-- A finding a person acknowledged stays open but muted until what the scan sees changes.
ALTER TABLE drift_finding ADD COLUMN acknowledged_at TIMESTAMP WITH TIME ZONE;

-- The last drift scan of each connection: when, how long, how it ended.
CREATE TABLE drift_scan_status (
    connection_id VARCHAR(36)              NOT NULL PRIMARY KEY REFERENCES connection (id) ON DELETE CASCADE,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    took_millis   BIGINT                   NOT NULL,
    outcome       VARCHAR(32)              NOT NULL,
    problem       VARCHAR,
    open_findings INTEGER                  NOT NULL
);
