package io.oriole.tenant;

/** Identifies a tenant; passed explicitly to every query so that no read can cross tenants. */
public record TenantId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
