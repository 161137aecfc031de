package io.oriole.agent;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A team of a tenant, such as pre-sales or technical support. */
@Table("department")
public record Department(@Id Long id, long tenantId, String code, String name) {

    public Department withId(Long newId) {
        return new Department(newId, tenantId, code, name);
    }
}
