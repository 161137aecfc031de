package io.oriole.customer;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A customer. {@code externalId} is the tenant's own user id (for signed-in users of the tenant's site);
 * {@code visitorId} identifies an anonymous widget visitor. {@code conversationCount} is kept up to date from
 * conversation events by a single SQL increment, never written back from a loaded copy.
 */
@Table("customer")
public record Customer(@Id Long id, long tenantId, CustomerKind kind, String name, String organisation,
        String email, String phone, VipTier vipTier, String externalId, String visitorId, String locale,
        @ReadOnlyProperty int conversationCount, @ReadOnlyProperty Instant lastConversationAt, Instant createdAt) {

    public Customer withId(Long newId) {
        return new Customer(newId, tenantId, kind, name, organisation, email, phone, vipTier, externalId, visitorId,
                locale, conversationCount, lastConversationAt, createdAt);
    }

    public Customer withDetails(CustomerKind newKind, String newName, String newOrganisation, String newEmail,
            String newPhone, VipTier newTier, String newLocale) {
        return new Customer(id, tenantId, newKind, newName, newOrganisation, newEmail, newPhone, newTier, externalId,
                visitorId, newLocale, conversationCount, lastConversationAt, createdAt);
    }

    /** Returning once they have had a conversation before the current one. */
    public boolean isReturning() {
        return conversationCount > 1;
    }

    public boolean isVip() {
        return vipTier != VipTier.NONE;
    }
}
