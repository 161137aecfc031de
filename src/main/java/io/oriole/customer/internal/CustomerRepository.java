package io.oriole.customer.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.transaction.annotation.Transactional;

import io.oriole.customer.Customer;

/**
 * Every query runs in a read-only transaction: an aggregate with collections is read row by row while its children
 * are loaded, and outside a transaction each of those loads would take a second pooled connection.
 */
@Transactional(readOnly = true)
public interface CustomerRepository extends CrudRepository<Customer, Long> {

    Optional<Customer> findByTenantIdAndId(long tenantId, long id);

    Optional<Customer> findByTenantIdAndVisitorId(long tenantId, String visitorId);

    Optional<Customer> findByTenantIdAndExternalId(long tenantId, String externalId);

    long countByTenantId(long tenantId);

    @Query("SELECT * FROM customer WHERE tenant_id = :tenantId ORDER BY id DESC LIMIT :limit OFFSET :offset")
    List<Customer> findPage(long tenantId, int limit, int offset);

    List<Customer> findByTenantIdAndIdIn(long tenantId, java.util.Collection<Long> ids);

    /**
     * Counts a conversation once: a redelivered event for a conversation already counted changes nothing.
     * Conversation ids only grow, so "newer than the last one counted" identifies a new conversation.
     */
    @Modifying
    @Transactional
    @Query("UPDATE customer SET conversation_count = conversation_count + 1, last_conversation_id = :conversationId, "
            + "last_conversation_at = :at WHERE tenant_id = :tenantId AND id = :id "
            + "AND (last_conversation_id IS NULL OR last_conversation_id < :conversationId)")
    int recordConversation(long tenantId, long id, long conversationId, Instant at);
}
