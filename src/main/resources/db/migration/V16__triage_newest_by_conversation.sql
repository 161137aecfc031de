-- The inbox asks for the newest triage result and priority override of fifty conversations at every refresh
-- (conversation_id IN (…), grouped by conversation). H2 uses an IN list only on the first column of an index, so the
-- (tenant_id, conversation_id, id) indexes made it read every row of the tenant; conversation ids are unique across
-- tenants, so these indexes find each conversation's rows directly (the tenant_id condition stays in the query).
CREATE INDEX ix_triage_result_newest ON triage_result (conversation_id, id);
CREATE INDEX ix_triage_priority_override_newest ON triage_priority_override (conversation_id, id);
