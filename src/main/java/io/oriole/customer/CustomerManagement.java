package io.oriole.customer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.oriole.customer.internal.CustomerRepository;
import io.oriole.customer.internal.CustomerRows;
import io.oriole.customer.internal.TierStore;
import io.oriole.tenant.TenantId;

/** Customers of a tenant. */
@Service
public class CustomerManagement {

    private final CustomerRepository customers;
    private final Clock clock;
    private final TransactionTemplate savepoint;
    private final CustomerRows rows;
    private final TierStore tiers;
    private final ApplicationEventPublisher events;

    CustomerManagement(CustomerRepository customers, CustomerRows rows, Clock clock,
            PlatformTransactionManager transactions, TierStore tiers, ApplicationEventPublisher events) {
        this.customers = customers;
        this.rows = rows;
        this.clock = clock;
        this.tiers = tiers;
        this.events = events;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The details an operator or API client gives for a customer. */
    public record CustomerDetails(CustomerKind kind, String name, String organisation, String email, String phone,
            VipTier vipTier, String locale, String externalId) {
    }

    @Transactional
    public Customer create(TenantId tenant, CustomerDetails d) {
        if (d.kind() == CustomerKind.ENTERPRISE && (d.organisation() == null || d.organisation().isBlank())) {
            throw new IllegalArgumentException("an enterprise customer needs an organisation");
        }
        if (d.externalId() != null && customers.findByTenantIdAndExternalId(tenant.value(), d.externalId())
                .isPresent()) {
            throw new IllegalArgumentException("a customer with external id " + d.externalId() + " already exists");
        }
        return customers.save(new Customer(null, tenant.value(), d.kind(), d.name(), d.organisation(), d.email(),
                d.phone(), d.vipTier() == null ? VipTier.NONE : d.vipTier(), d.externalId(), null, d.locale(), 0,
                null, clock.instant()));
    }

    @Transactional
    public Optional<Customer> update(TenantId tenant, long id, CustomerDetails d) {
        if (d.kind() == CustomerKind.ENTERPRISE && (d.organisation() == null || d.organisation().isBlank())) {
            throw new IllegalArgumentException("an enterprise customer needs an organisation");
        }
        return find(tenant, id).map(c -> customers.save(c.withDetails(d.kind(), d.name(), d.organisation(),
                d.email(), d.phone(), d.vipTier() == null ? c.vipTier() : d.vipTier(), d.locale())));
    }

    public Optional<Customer> find(TenantId tenant, long id) {
        return rows.find(tenant.value(), id);
    }

    /** The customer behind an anonymous widget visitor, if the visitor has written. */
    public Optional<Customer> findVisitor(TenantId tenant, String visitorId) {
        return visitorId == null ? Optional.empty() : customers.findByTenantIdAndVisitorId(tenant.value(), visitorId);
    }

    public Customer get(TenantId tenant, long id) {
        return find(tenant, id).orElseThrow(() -> new CustomerNotFoundException(id));
    }

    /** Display names of the given customers of the tenant, in one query; ids of other tenants are left out. */
    public java.util.Map<Long, String> names(TenantId tenant, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return customers.findByTenantIdAndIdIn(tenant.value(), java.util.Set.copyOf(ids)).stream()
                .collect(java.util.stream.Collectors.toMap(Customer::id, Customer::name));
    }

    public List<Customer> list(TenantId tenant, int offset, int limit) {
        return customers.findPage(tenant.value(), Math.max(1, Math.min(200, limit)), Math.max(0, offset));
    }

    public long count(TenantId tenant) {
        return customers.countByTenantId(tenant.value());
    }

    /**
     * The customer behind an anonymous widget visitor, created with the visitor's first message. Runs in its own transaction
     * so that a concurrent first contact from the same visitor finds the row the other one wrote.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Customer visitor(TenantId tenant, String visitorId, String displayName, String locale) {
        return customers.findByTenantIdAndVisitorId(tenant.value(), visitorId).orElseGet(() -> insertOrFindWinner(
                () -> new Customer(null, tenant.value(), CustomerKind.PERSONAL, displayName, null, null, null,
                        VipTier.NONE, null, visitorId, locale, 0, null, clock.instant()),
                () -> customers.findByTenantIdAndVisitorId(tenant.value(), visitorId)));
    }

    /**
     * The customer the tenant's own site identified by its user id, created on first contact; a returning
     * customer is recognised on any device.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Customer identified(TenantId tenant, String externalId, String name, String email, String locale) {
        return customers.findByTenantIdAndExternalId(tenant.value(), externalId).orElseGet(() -> insertOrFindWinner(
                () -> new Customer(null, tenant.value(), CustomerKind.PERSONAL,
                        name == null || name.isBlank() ? externalId : name, null, email, null, VipTier.NONE,
                        externalId, null, locale, 0, null, clock.instant()),
                () -> customers.findByTenantIdAndExternalId(tenant.value(), externalId)));
    }

    /**
     * Inserts a first-contact customer, or returns the row a concurrent first contact committed meanwhile. The
     * insert runs in a savepoint because PostgreSQL aborts the whole transaction on a duplicate key: rolled back to
     * the savepoint, the transaction can still read the winner's row.
     */
    private Customer insertOrFindWinner(Supplier<Customer> candidate, Supplier<Optional<Customer>> winner) {
        try {
            return savepoint.execute(status -> customers.save(candidate.get()));
        }
        catch (DuplicateKeyException race) {
            return winner.get().orElseThrow(() -> race);
        }
    }

    /** The customer's account facts, empty when none were given. */
    public Optional<AccountFacts> accountFacts(TenantId tenant, long customerId) {
        return tiers.facts(tenant.value(), customerId);
    }

    /**
     * Records what the tenant knows about the customer's account and recomputes its VIP tier from the tenant's
     * tier rules. Without rules the tier stays as an operator set it.
     *
     * @return the customer as it now is, empty when it is not the tenant's
     */
    @Transactional
    public Optional<Customer> updateAccountFacts(TenantId tenant, long customerId, AccountFacts facts) {
        if (find(tenant, customerId).isEmpty()) {
            return Optional.empty();
        }
        tiers.saveFacts(tenant.value(), customerId, facts, clock.instant());
        List<TierRule> rules = tiers.rules(tenant.value());
        if (!rules.isEmpty()) {
            applyTier(tenant.value(), customerId, TierRule.tierFor(rules, facts, today()));
        }
        return find(tenant, customerId);
    }

    public List<TierRule> tierRules(TenantId tenant) {
        return tiers.rules(tenant.value());
    }

    /**
     * Replaces the tenant's tier rules (at most one per tier) and recomputes the tier of every customer with
     * account facts, in one transaction.
     *
     * @return how many customers changed tier
     */
    @Transactional
    public int replaceTierRules(TenantId tenant, List<TierRule> rules) {
        Set<VipTier> seen = EnumSet.noneOf(VipTier.class);
        for (TierRule rule : rules) {
            if (!seen.add(rule.tier())) {
                throw new IllegalArgumentException("only one rule per tier; " + rule.tier() + " appears twice");
            }
        }
        tiers.replaceRules(tenant.value(), new ArrayList<>(rules));
        return recomputeTiers(tenant);
    }

    /**
     * Recomputes the tier of every customer with account facts; relationship length grows by itself, so this
     * also runs once a day.
     *
     * @return how many customers changed tier
     */
    @Transactional
    public int recomputeTiers(TenantId tenant) {
        List<TierRule> rules = tiers.rules(tenant.value());
        if (rules.isEmpty()) {
            return 0;
        }
        int changed = 0;
        for (Map.Entry<Long, AccountFacts> e : tiers.allFacts(tenant.value()).entrySet()) {
            if (applyTier(tenant.value(), e.getKey(), TierRule.tierFor(rules, e.getValue(), today()))) {
                changed++;
            }
        }
        return changed;
    }

    private boolean applyTier(long tenantId, long customerId, VipTier tier) {
        Optional<VipTier> before = tiers.setTier(tenantId, customerId, tier);
        if (before.isPresent() && before.get() != tier) {
            events.publishEvent(new CustomerTierChanged(tenantId, customerId, before.get(), tier, clock.instant()));
            return true;
        }
        return false;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
