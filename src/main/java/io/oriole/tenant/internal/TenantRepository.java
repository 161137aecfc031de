package io.oriole.tenant.internal;

import java.util.Optional;

import org.springframework.data.repository.CrudRepository;
import org.springframework.transaction.annotation.Transactional;

import io.oriole.tenant.Tenant;

/**
 * Every query runs in a read-only transaction: an aggregate with collections is read row by row while its children
 * are loaded, and outside a transaction each of those loads would take a second pooled connection.
 */
@Transactional(readOnly = true)
public interface TenantRepository extends CrudRepository<Tenant, Long> {

    Optional<Tenant> findBySlug(String slug);
}
