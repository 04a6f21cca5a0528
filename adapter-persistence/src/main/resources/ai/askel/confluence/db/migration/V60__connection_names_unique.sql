-- A connection's name is unique in its workspace, so people and the CLI's --connection NAME can tell connections
-- apart. A connection registered earlier under a name already taken in its workspace keeps that name with its id
-- added (of each such group, the connection with the lowest id keeps the name as it was).
UPDATE connection SET name = SUBSTRING(name, 1, 60) || ' (' || id || ')'
 WHERE EXISTS (SELECT 1 FROM connection other
                WHERE other.workspace_id = connection.workspace_id AND other.name = connection.name AND other.id < connection.id);

-- The unique index also serves what the index on the workspace alone did.
CREATE UNIQUE INDEX connection_workspace_name ON connection (workspace_id, name);
DROP INDEX connection_workspace;
