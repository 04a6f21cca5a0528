-- A runbook's body comes from a template and its inputs, or from a body the caller supplied:
-- then only its representation and hash are stored (never the body), and it has no template.
ALTER TABLE runbook ALTER COLUMN template_id DROP NOT NULL;
ALTER TABLE runbook ALTER COLUMN template_version DROP NOT NULL;
ALTER TABLE runbook ADD COLUMN body_representation VARCHAR(16);
ALTER TABLE runbook ADD COLUMN body_hash CHAR(64);
