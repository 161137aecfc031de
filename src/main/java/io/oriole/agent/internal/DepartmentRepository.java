package io.oriole.agent.internal;

import java.util.List;

import org.springframework.data.repository.CrudRepository;
import org.springframework.transaction.annotation.Transactional;

import io.oriole.agent.Department;

/**
 * Every query runs in a read-only transaction: an aggregate with collections is read row by row while its children
 * are loaded, and outside a transaction each of those loads would take a second pooled connection.
 */
@Transactional(readOnly = true)
public interface DepartmentRepository extends CrudRepository<Department, Long> {

    List<Department> findByTenantIdOrderByCode(long tenantId);
}
