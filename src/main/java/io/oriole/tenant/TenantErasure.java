package io.oriole.tenant;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.oriole.shared.AfterCommit;
import io.oriole.tenant.internal.TenantRepository;

/**
 * Deletes a tenant: every module erases its own rows of it, in the order of their {@code @Order} (rows that point at
 * other rows first), then the tenant row goes. One transaction, so a failure leaves the tenant whole.
 */
@Service
public class TenantErasure {

    /** Orders for {@link TenantData} implementations; a lower number erases earlier. */
    public static final int DEPENDENT_DATA = 100;
    public static final int CONVERSATIONS = 200;
    public static final int CUSTOMERS = 300;
    public static final int STAFF = 400;
    public static final int ACCOUNTS = 500;

    private final List<TenantData> modules;
    private final TenantRepository tenants;

    private final TenantManagement management;

    TenantErasure(List<TenantData> modules, TenantRepository tenants, TenantManagement management) {
        this.modules = modules;
        this.tenants = tenants;
        this.management = management;
    }

    @Transactional
    public void erase(TenantId tenant) {
        for (TenantData module : modules) {
            module.erase(tenant);
        }
        tenants.deleteById(tenant.value());
        AfterCommit.run(management::forget);
    }
}
