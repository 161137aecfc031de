-- The sites allowed to frame a tenant's chat widget (Content-Security-Policy frame-ancestors), one origin per line.
-- No row, or an empty list, means any site.
CREATE TABLE widget_site (
    tenant_id     BIGINT                   NOT NULL PRIMARY KEY REFERENCES tenant (id) ON DELETE CASCADE,
    allowed_sites VARCHAR(4000)            NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
