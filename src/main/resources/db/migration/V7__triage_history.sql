-- How long conversations of each intent took to resolve, so triage can weigh an intent's usual effort into a new
-- message's complexity. One row per resolution; a redelivered event finds its row and adds nothing.
CREATE TABLE triage_resolution (
    tenant_id          BIGINT        NOT NULL REFERENCES tenant (id),
    conversation_id    BIGINT        NOT NULL,
    resolved_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    intent             VARCHAR(120)  NOT NULL,
    seconds            BIGINT        NOT NULL,
    PRIMARY KEY (tenant_id, conversation_id, resolved_at)
);
CREATE INDEX ix_triage_resolution_intent ON triage_resolution (tenant_id, intent, resolved_at);
