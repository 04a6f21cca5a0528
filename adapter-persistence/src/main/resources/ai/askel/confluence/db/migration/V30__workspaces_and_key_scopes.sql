-- Workspaces become something people create and name, API keys get a scope, and the audit log is read a page at a time.

-- A workspace has a name. Workspaces that existed before (created by their first API key) are named after their id.
ALTER TABLE workspace ADD COLUMN name VARCHAR(100);
UPDATE workspace SET name = 'default' WHERE id = '00000000-0000-0000-0000-000000000001';
UPDATE workspace SET name = 'workspace ' || id WHERE name IS NULL;
ALTER TABLE workspace ALTER COLUMN name SET NOT NULL;

-- The default workspace (of an embedded connector and of the CLI) always exists.
INSERT INTO workspace (id, name, created_at)
    SELECT '00000000-0000-0000-0000-000000000001', 'default', CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM workspace WHERE id = '00000000-0000-0000-0000-000000000001');

-- What a key may do: read, write (read and change content) or admin (also keys and the audit log).
-- Keys created before scopes existed could do everything, so they become admin keys.
ALTER TABLE api_key ADD COLUMN scope VARCHAR(16) DEFAULT 'admin' NOT NULL;
ALTER TABLE api_key ALTER COLUMN scope DROP DEFAULT;
ALTER TABLE api_key ADD CONSTRAINT api_key_scope_known CHECK (scope IN ('read', 'write', 'admin'));

-- The audit log is paged newest first by its sequence number, per workspace.
CREATE INDEX audit_event_workspace_sequence ON audit_event (workspace_id, id);
