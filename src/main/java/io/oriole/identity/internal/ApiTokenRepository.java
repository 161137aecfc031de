package io.oriole.identity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.CrudRepository;
import org.springframework.transaction.annotation.Transactional;

import io.oriole.identity.ApiToken;

/**
 * Every query runs in a read-only transaction: an aggregate with collections is read row by row while its children
 * are loaded, and outside a transaction each of those loads would take a second pooled connection.
 */
@Transactional(readOnly = true)
public interface ApiTokenRepository extends CrudRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    Optional<ApiToken> findByTenantIdAndId(long tenantId, long id);

    List<ApiToken> findByTenantIdAndUserIdOrderByIdDesc(long tenantId, long userId);
}
