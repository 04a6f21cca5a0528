-- A workspace's name is unique, so a retried creation cannot make a second workspace of one customer and people can
-- tell workspaces apart. Workspaces created before under a name already taken keep that name with their id added; of
-- each such group the one created first (by creation time, then id) keeps the name as it was.
UPDATE workspace SET name = SUBSTRING(name, 1, 60) || ' (' || id || ')'
 WHERE EXISTS (SELECT 1 FROM workspace other
                WHERE other.name = workspace.name
                  AND (other.created_at < workspace.created_at OR (other.created_at = workspace.created_at AND other.id < workspace.id)));

CREATE UNIQUE INDEX workspace_name_unique ON workspace (name);
