-- A connection's name is unique in its workspace, so people and the CLI's --connection NAME can tell connections
-- apart. Connections registered before under a name already taken in their workspace keep that name with their id
-- added; of each such group the one registered first (by creation time, then id) keeps the name as it was.
UPDATE connection SET name = SUBSTRING(name, 1, 60) || ' (' || id || ')'
 WHERE EXISTS (SELECT 1 FROM connection other
                WHERE other.workspace_id = connection.workspace_id AND other.name = connection.name
                  AND (other.created_at < connection.created_at OR (other.created_at = connection.created_at AND other.id < connection.id)));

-- The unique index also serves what the index on the workspace alone did.
CREATE UNIQUE INDEX connection_workspace_name ON connection (workspace_id, name);
DROP INDEX connection_workspace;
