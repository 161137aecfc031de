package io.oriole.tenant.internal;

import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

import io.oriole.tenant.Tenant;

public interface TenantRepository extends CrudRepository<Tenant, Long> {

    Optional<Tenant> findBySlug(String slug);
}
