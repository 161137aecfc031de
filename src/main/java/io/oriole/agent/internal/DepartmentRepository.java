package io.oriole.agent.internal;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

import io.oriole.agent.Department;

public interface DepartmentRepository extends CrudRepository<Department, Long> {

    List<Department> findByTenantIdOrderByCode(long tenantId);
}
