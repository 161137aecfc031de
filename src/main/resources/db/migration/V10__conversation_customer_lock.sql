-- One row per customer who has written in: "find the customer's current conversation, or open one" takes this
-- row's lock first, so two first messages sent at the same instant land in one conversation, not two.
CREATE TABLE conversation_customer_lock (
    tenant_id   BIGINT NOT NULL REFERENCES tenant (id),
    customer_id BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, customer_id)
);
