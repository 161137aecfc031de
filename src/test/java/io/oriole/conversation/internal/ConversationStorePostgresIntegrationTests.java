package io.oriole.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.conversation.AuthorType;
import io.oriole.conversation.Channel;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.ConversationStatus;
import io.oriole.conversation.InboxFilter;
import io.oriole.conversation.Message;
import io.oriole.conversation.Participant;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerManagement;
import io.oriole.identity.UserManagement;
import io.oriole.support.Fixtures;
import io.oriole.support.RequiresPostgres;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;

/** The conversation SQL on PostgreSQL: where H2's PostgreSQL mode could hide a dialect difference. */
@RequiresPostgres
@SpringBootTest(properties = { "oriole.demo.enabled=false", "oriole.data-dir=target/test-data" })
class ConversationStorePostgresIntegrationTests {

    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Instant T0 = Instant.parse("2026-11-18T01:00:00.123456Z");

    @Autowired
    ConversationStore store;
    @Autowired
    ConversationManagement conversations;
    @Autowired
    TenantManagement tenants;
    @Autowired
    CustomerManagement customers;
    @Autowired
    UserManagement users;
    @Autowired
    AgentManagement agents;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    Tenant tenant;
    long t;
    Customer customer;
    ExecutorService threads;

    @BeforeEach
    void tenantWithCustomer() {
        tenant = Fixtures.tenant(tenants);
        t = tenant.id();
        customer = Fixtures.customer(customers, tenant, "张伟");
        threads = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void insertedConversationReadsBackWithMicrosecondTimestamps() {
        long id = store.insertConversation(t, customer.id(), Channel.EMAIL, "Invoice", T0);

        Conversation read = store.find(t, id).orElseThrow();
        assertThat(read.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(read.channel()).isEqualTo(Channel.EMAIL);
        assertThat(read.assigneeAgentId()).isNull();
        assertThat(read.lastSeq()).isZero();
        assertThat(read.createdAt()).isEqualTo(T0);
        assertThat(read.resolvedAt()).isNull();
        assertThat(store.find(t + 1_000_000, id)).isEmpty();
    }

    @Test
    void nextSeqNumbersMessagesUnderTheRowLock() {
        long id = store.insertConversation(t, customer.id(), Channel.CHAT, "seq", T0);

        List<Long> seqs = tx.execute(s -> {
            store.lock(t, id).orElseThrow();
            var taken = new ArrayList<Long>();
            for (int i = 0; i < 3; i++) {
                long seq = store.nextSeq(t, id);
                store.insertMessage(t, id, seq, AuthorType.CUSTOMER, customer.id(), customer.name(), "m" + seq, false,
                        "c" + seq, T0);
                taken.add(seq);
            }
            return taken;
        });

        assertThat(seqs).containsExactly(1L, 2L, 3L);
        assertThat(store.messages(t, id, 1, true, 10)).extracting(Message::seq, Message::body)
                .containsExactly(tuple(2L, "m2"), tuple(3L, "m3"));
        assertThat(store.findByClientMessageId(t, id, "c2")).hasValueSatisfying(m -> assertThat(m.seq()).isEqualTo(2));
        assertThat(store.lastCustomerMessage(t, id)).hasValueSatisfying(m -> assertThat(m.seq()).isEqualTo(3));
    }

    @Test
    void lockForUpdateMakesASecondTransactionWait() throws Exception {
        long id = store.insertConversation(t, customer.id(), Channel.CHAT, "lock", T0);
        var locked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            store.lock(t, id).orElseThrow();
            locked.countDown();
            awaitQuietly(release);
        }), threads);
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        // Spring 7 reports lock_not_available as an uncategorised SQL exception, so the SQL state is what proves
        // that the second transaction waited on the row lock.
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            jdbc.sql("SET LOCAL lock_timeout = '300ms'").update();
            store.lock(t, id);
        })).isInstanceOf(DataAccessException.class).rootCause().isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo(LOCK_NOT_AVAILABLE));

        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        Optional<Conversation> relocked = tx.execute(s -> store.lock(t, id));
        assertThat(relocked).isPresent();
    }

    @Test
    void concurrentCustomerMessagesGetDistinctGapFreeSeqs() throws Exception {
        Conversation conversation = conversations.open(tenant.tenantId(), customer.id(), customer.name(),
                Channel.CHAT, null, "first", null);
        int writers = 4;
        int messagesEach = 10;
        var start = new CountDownLatch(1);
        var done = new ArrayList<CompletableFuture<Void>>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(CompletableFuture.runAsync(() -> {
                awaitQuietly(start);
                for (int m = 0; m < messagesEach; m++) {
                    conversations.receiveCustomerMessage(tenant.tenantId(), conversation.id(), customer.id(),
                            customer.name(), "writer " + writer + " message " + m, writer + "-" + m);
                }
            }, threads));
        }
        start.countDown();
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        long expected = 1 + (long) writers * messagesEach;
        assertThat(conversations.messages(tenant.tenantId(), conversation.id(), 0, true, 200))
                .extracting(Message::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, expected).boxed().toList());
        assertThat(conversations.get(tenant.tenantId(), conversation.id()).lastSeq()).isEqualTo(expected);
    }

    @Test
    void firstMessagesSentAtTheSameInstantOpenOneConversation() throws Exception {
        int tabs = 4;
        var start = new CountDownLatch(1);
        var sent = new ArrayList<CompletableFuture<Message>>();
        for (int i = 0; i < tabs; i++) {
            String id = "tab-" + i;
            sent.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                return conversations.receiveChatMessage(tenant.tenantId(), customer.id(), customer.name(),
                        "hello from " + id, id);
            }, threads));
        }
        start.countDown();
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(sent).extracting(f -> f.join().conversationId()).containsOnly(sent.get(0).join().conversationId());
        assertThat(conversations.ofCustomer(tenant.tenantId(), customer.id(), 10)).hasSize(1);
        assertThat(conversations.messages(tenant.tenantId(), sent.get(0).join().conversationId(), 0, true, 10))
                .extracting(Message::seq).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void inboxFiltersAndCountsAgree() {
        Agent mine = Fixtures.agent(users, agents, tenant, "Li Na");
        long open = store.insertConversation(t, customer.id(), Channel.CHAT, "open", T0);
        long assigned = store.insertConversation(t, customer.id(), Channel.CHAT, "assigned", T0.plusSeconds(1));
        long resolved = store.insertConversation(t, customer.id(), Channel.CHAT, "resolved", T0.plusSeconds(2));
        store.updateAssignee(t, assigned, mine.id(), T0.plusSeconds(3));
        store.updateStatus(t, resolved, ConversationStatus.RESOLVED, T0.plusSeconds(4), T0.plusSeconds(4));

        assertInbox(InboxFilter.all(), assigned, open);
        assertInbox(new InboxFilter(InboxFilter.View.UNASSIGNED, null, null, null), open);
        assertInbox(new InboxFilter(InboxFilter.View.MINE, mine.id(), null, null), assigned);
        assertInbox(new InboxFilter(InboxFilter.View.MINE, null, null, null));
        assertInbox(new InboxFilter(InboxFilter.View.ALL, null, ConversationStatus.RESOLVED, null), resolved);
        assertInbox(new InboxFilter(InboxFilter.View.ALL, null, null, customer.id()), resolved, assigned, open);
        assertThat(store.inbox(t, InboxFilter.all(), 1, 1)).extracting(Conversation::id).containsExactly(open);
        assertThat(store.find(t, resolved).orElseThrow().resolvedAt()).isEqualTo(T0.plusSeconds(4));
    }

    @Test
    void sharedInboxListsWhatTheAgentWasInvitedIntoUntilTheyLeave() {
        Agent specialist = Fixtures.agent(users, agents, tenant, "Sofia Rossi");
        long invited = store.insertConversation(t, customer.id(), Channel.CHAT, "invited", T0);
        long owned = store.insertConversation(t, customer.id(), Channel.CHAT, "owned", T0.plusSeconds(1));
        store.insertConversation(t, customer.id(), Channel.CHAT, "elsewhere", T0.plusSeconds(2));
        store.inviteCollaborator(t, invited, specialist.id(), false, "Li Na", T0.plusSeconds(3));
        store.updateAssignee(t, owned, specialist.id(), T0.plusSeconds(4));
        store.joinParticipant(t, owned, specialist.id(), Participant.Role.OWNER, T0.plusSeconds(4));

        assertInbox(new InboxFilter(InboxFilter.View.SHARED, specialist.id(), null, null), invited);
        assertInbox(new InboxFilter(InboxFilter.View.SHARED, null, null, null));
        store.leaveParticipant(t, invited, specialist.id(), T0.plusSeconds(5));
        assertInbox(new InboxFilter(InboxFilter.View.SHARED, specialist.id(), null, null));
    }

    @Test
    void participantsAndTimelineKeepTheirOrder() {
        Agent owner = Fixtures.agent(users, agents, tenant, "Chen Jing");
        Agent helper = Fixtures.agent(users, agents, tenant, "Zhang Wei");
        long id = store.insertConversation(t, customer.id(), Channel.CHAT, "team", T0);

        store.joinParticipant(t, id, owner.id(), Participant.Role.OWNER, T0);
        store.joinParticipantIfAbsent(t, id, helper.id(), T0.plusSeconds(1));
        store.joinParticipantIfAbsent(t, id, owner.id(), T0.plusSeconds(2));
        store.leaveParticipant(t, id, helper.id(), T0.plusSeconds(3));
        store.addTimeline(t, id, "OPENED", "CHAT", "张伟", T0);
        store.addTimeline(t, id, "STATUS", "x".repeat(600), "system", T0.plusSeconds(5));

        assertThat(store.participants(t, id))
                .extracting(Participant::agentId, Participant::role, Participant::leftAt)
                .containsExactly(tuple(owner.id(), Participant.Role.OWNER, null),
                        tuple(helper.id(), Participant.Role.COLLABORATOR, T0.plusSeconds(3)));
        assertThat(store.timeline(t, id)).extracting(e -> e.kind(), e -> e.detail().length())
                .containsExactly(tuple("OPENED", 4), tuple("STATUS", 500));
    }

    private void assertInbox(InboxFilter filter, long... expectedIds) {
        assertThat(store.inbox(t, filter, 0, 50)).extracting(Conversation::id)
                .containsExactly(LongStream.of(expectedIds).boxed().toArray(Long[]::new));
        assertThat(store.count(t, filter)).isEqualTo(expectedIds.length);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
