package io.oriole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.conversation.Actor;
import io.oriole.conversation.Channel;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.ConversationNotFoundException;
import io.oriole.conversation.ConversationStatus;
import io.oriole.conversation.InboxFilter;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerManagement;
import io.oriole.customer.CustomerNotFoundException;
import io.oriole.identity.ApiTokenManagement;
import io.oriole.identity.User;
import io.oriole.identity.UserManagement;
import io.oriole.support.Fixtures;
import io.oriole.support.OrioleIntegrationTest;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;

/** Everything one tenant writes is invisible to another: reads come back empty, commands as "not found". */
@OrioleIntegrationTest
class TenantScopingIntegrationTests {

    @Autowired
    TenantManagement tenants;
    @Autowired
    CustomerManagement customers;
    @Autowired
    ConversationManagement conversations;
    @Autowired
    UserManagement users;
    @Autowired
    AgentManagement agents;
    @Autowired
    ApiTokenManagement tokens;

    Tenant owner;
    TenantId other;
    Customer customer;
    Agent agent;
    User user;
    Conversation conversation;
    long tokenId;

    @BeforeEach
    void ownerTenantWithData() {
        owner = Fixtures.tenant(tenants);
        other = Fixtures.tenant(tenants).tenantId();
        customer = Fixtures.customer(customers, owner, "赵敏");
        agent = Fixtures.agent(users, agents, owner, "Chen Jing");
        user = users.find(owner.tenantId(), agent.userId()).orElseThrow();
        agents.createDepartment(owner.tenantId(), "billing", "Billing");
        conversation = conversations.open(owner.tenantId(), customer.id(), customer.name(), Channel.EMAIL, "Invoice",
                "Please resend the invoice", null);
        conversations.assign(owner.tenantId(), conversation.id(), agent.id(), agent.displayName(), Actor.system());
        tokenId = tokens.issue(owner.tenantId(), user.id(), "ci").token().id();
    }

    @Test
    void secondTenantSeesNoneOfTheFirstTenantsConversations() {
        assertThat(conversations.find(other, conversation.id())).isEmpty();
        assertThat(conversations.inbox(other, InboxFilter.all(), 0, 50)).isEmpty();
        assertThat(conversations.count(other, InboxFilter.all())).isZero();
        assertThat(conversations.ofCustomer(other, customer.id(), 50)).isEmpty();
        assertThat(conversations.lastCustomerMessage(other, conversation.id())).isEmpty();
        assertThatThrownBy(() -> conversations.messages(other, conversation.id(), 0, true, 50))
                .isInstanceOf(ConversationNotFoundException.class);
        assertThatThrownBy(() -> conversations.timeline(other, conversation.id()))
                .isInstanceOf(ConversationNotFoundException.class);
        assertThatThrownBy(() -> conversations.participants(other, conversation.id()))
                .isInstanceOf(ConversationNotFoundException.class);
    }

    @Test
    void secondTenantCannotChangeTheFirstTenantsConversations() {
        assertThatThrownBy(() -> conversations.receiveCustomerMessage(other, conversation.id(), customer.id(),
                customer.name(), "hijack", null)).isInstanceOf(ConversationNotFoundException.class);
        assertThatThrownBy(() -> conversations.reply(other, conversation.id(), Actor.system(), "hijack"))
                .isInstanceOf(ConversationNotFoundException.class);
        assertThatThrownBy(() -> conversations.setStatus(other, conversation.id(), ConversationStatus.CLOSED,
                Actor.system())).isInstanceOf(ConversationNotFoundException.class);

        assertThat(conversations.get(owner.tenantId(), conversation.id()).status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(conversations.messages(owner.tenantId(), conversation.id(), 0, true, 50)).hasSize(1);
    }

    @Test
    void secondTenantSeesNoneOfTheFirstTenantsPeopleOrTokens() {
        assertThat(customers.find(other, customer.id())).isEmpty();
        assertThatThrownBy(() -> customers.get(other, customer.id())).isInstanceOf(CustomerNotFoundException.class);
        assertThat(customers.list(other, 0, 50)).isEmpty();
        assertThat(customers.count(other)).isZero();
        assertThat(customers.update(other, customer.id(), new CustomerManagement.CustomerDetails(
                customer.kind(), "renamed", null, null, null, null, null, null))).isEmpty();

        assertThat(users.find(other, user.id())).isEmpty();
        assertThat(users.findByEmail(other, user.email())).isEmpty();
        assertThat(users.list(other, 0, 50)).isEmpty();
        assertThat(users.count(other)).isZero();

        assertThat(agents.find(other, agent.id())).isEmpty();
        assertThat(agents.findByUser(other, user.id())).isEmpty();
        assertThat(agents.list(other)).isEmpty();
        assertThat(agents.departments(other)).isEmpty();

        assertThat(tokens.find(other, tokenId)).isEmpty();
        assertThat(tokens.list(other, user.id())).isEmpty();
        assertThat(tokens.revoke(other, tokenId)).isEmpty();
        assertThat(tokens.find(owner.tenantId(), tokenId).orElseThrow().active()).isTrue();
    }
}
