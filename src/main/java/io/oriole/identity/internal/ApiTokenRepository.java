package io.oriole.identity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

import io.oriole.identity.ApiToken;

public interface ApiTokenRepository extends CrudRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    Optional<ApiToken> findByTenantIdAndId(long tenantId, long id);

    List<ApiToken> findByTenantIdAndUserIdOrderByIdDesc(long tenantId, long userId);
}
