-- Optional generative bot answers. Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL. Every row carries tenant_id.

-- A tenant's OpenAI-compatible endpoint; no row means generative answers are off, which is every tenant until an
-- admin turns them on. api_key is write-only in the API and console. It is stored as given: the platform has no
-- encryption-at-rest facility yet, so database backups must be protected like the key itself (docs/knowledge-and-bot.md).
CREATE TABLE bot_generative_settings (
    tenant_id          BIGINT        NOT NULL PRIMARY KEY REFERENCES tenant (id),
    enabled            BOOLEAN       NOT NULL,
    base_url           VARCHAR(500)  NOT NULL,
    model              VARCHAR(200)  NOT NULL,
    api_key            VARCHAR(500),
    timeout_seconds    INT           NOT NULL,
    max_citations      INT           NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Whether a bot answer was phrased by the model, and which knowledge entries it cited (ids, comma-separated, in
-- citation order). A plain answer has generated = FALSE and cites nothing; its entry is entry_id as before.
ALTER TABLE bot_turn ADD COLUMN generated BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE bot_turn ADD COLUMN cited_entry_ids VARCHAR(200);
