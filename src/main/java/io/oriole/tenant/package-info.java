/**
 * Tenants: the companies that use Oriole. Every other module scopes its data by {@link io.oriole.tenant.TenantId}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tenant")
package io.oriole.tenant;
