package io.oriole.identity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

import io.oriole.identity.User;

public interface UserRepository extends CrudRepository<User, Long> {

    Optional<User> findByTenantIdAndId(long tenantId, long id);

    Optional<User> findByTenantIdAndEmail(long tenantId, String email);

    long countByTenantId(long tenantId);

    @Query("SELECT * FROM app_user WHERE tenant_id = :tenantId ORDER BY id LIMIT :limit OFFSET :offset")
    List<User> findPage(long tenantId, int limit, int offset);
}
