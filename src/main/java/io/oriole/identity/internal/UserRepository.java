package io.oriole.identity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.transaction.annotation.Transactional;

import io.oriole.identity.User;

/**
 * Every query runs in a read-only transaction: an aggregate with collections is read row by row while its children
 * are loaded, and outside a transaction each of those loads would take a second pooled connection.
 */
@Transactional(readOnly = true)
public interface UserRepository extends CrudRepository<User, Long> {

    Optional<User> findByTenantIdAndId(long tenantId, long id);

    Optional<User> findByTenantIdAndEmail(long tenantId, String email);

    long countByTenantId(long tenantId);

    @Query("SELECT * FROM app_user WHERE tenant_id = :tenantId ORDER BY id LIMIT :limit OFFSET :offset")
    List<User> findPage(long tenantId, int limit, int offset);
}
