package io.oriole.tenant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Implemented by every module that keeps rows of a tenant: erases exactly its own tables' rows of that tenant when
 * the tenant is deleted. Implementations carry an {@link org.springframework.core.annotation.Order}: modules whose
 * rows point at another module's rows erase first (see {@link TenantErasure}).
 */
public interface TenantData {

    /** Erases every row this module keeps for {@code tenant}. Runs inside the erasure's transaction. */
    void erase(TenantId tenant);

    /** Deletes the tenant's rows from each table in turn: list the tables that point at others first. */
    static void deleteRows(JdbcClient jdbc, TenantId tenant, String... tables) {
        for (String table : tables) {
            jdbc.sql("DELETE FROM " + table + " WHERE tenant_id = :t").param("t", tenant.value()).update();
        }
    }
}
