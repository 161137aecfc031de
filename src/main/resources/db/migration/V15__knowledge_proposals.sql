-- An agent's answer to open questions waits for a supervisor or admin: the questions stay open, pointing at the
-- entry the agent proposed (a new draft, or an existing entry to take them as phrasings), until it is published.
ALTER TABLE knowledge_question ADD COLUMN proposed_entry_id BIGINT;
ALTER TABLE knowledge_question ADD COLUMN proposed_by VARCHAR(320);
ALTER TABLE knowledge_question ADD COLUMN proposed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_knowledge_question_proposed ON knowledge_question (tenant_id, proposed_entry_id);
