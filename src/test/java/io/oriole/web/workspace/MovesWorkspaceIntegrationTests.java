package io.oriole.web.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.agent.AgentManagement.AgentProfile;
import io.oriole.agent.Presence;
import io.oriole.agent.PresenceManagement;
import io.oriole.agent.Tier;
import io.oriole.conversation.Actor;
import io.oriole.conversation.Channel;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.Message;
import io.oriole.conversation.Participant;
import io.oriole.conversation.TimelineEntry;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerManagement;
import io.oriole.identity.Role;
import io.oriole.identity.User;
import io.oriole.identity.UserManagement;
import io.oriole.routing.Offer;
import io.oriole.routing.RoutingManagement;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

/**
 * The workspace's "Move / share" panel on the demo tenant: Emma Clark (L1, technical and pre-sales) transfers,
 * escalates and invites; Sofia Rossi (L2, billing) is the specialist; 张伟 is L3; 王强 is an L1 colleague.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-mvc" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-mvc-tests",
        // The same application as WorkspaceIntegrationTests; exact message counts here too.
        "oriole.demo.bot-enabled=false" })
@AutoConfigureMockMvc
class MovesWorkspaceIntegrationTests {

    static final String EMMA = "emma@demo.oriole.dev";
    static final String SOFIA = "sofia@demo.oriole.dev";
    static final String WANG = "wangqiang@demo.oriole.dev";
    static final String ZHANG = "zhangwei@demo.oriole.dev";

    @Autowired
    MockMvc mvc;
    @Autowired
    TenantManagement tenants;
    @Autowired
    UserManagement users;
    @Autowired
    AgentManagement agents;
    @Autowired
    PresenceManagement presence;
    @Autowired
    CustomerManagement customers;
    @Autowired
    ConversationManagement conversations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RoutingManagement routing;

    @AfterEach
    void everyoneSignsOff() {
        agents.list(demo()).forEach(a -> presence.signOff(demo(), a.id()));
    }

    @Test
    void panelOffersTheTenantsAgentsQueuesAndDepartments() throws Exception {
        Conversation c = conversationOf(EMMA, "我想退货，鞋子尺码不对");

        mvc.perform(get("/workspace/conversations/{id}/moves", c.id()).param("lang", "en").with(as(EMMA)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Move / share")))
                .andExpect(content().string(Matchers.containsString("value=\"agent:" + agent(SOFIA).id() + "\"")))
                .andExpect(content().string(Matchers.containsString("value=\"queue:billing\"")))
                .andExpect(content().string(Matchers.containsString("value=\"department:technical\"")))
                .andExpect(content().string(Matchers.containsString("From L1 to L2")));
    }

    @Test
    void transferToAnOnlineAgentKeepsTheTranscriptAndMakesThemTheOwnerWithTheNote() throws Exception {
        Conversation c = conversationOf(EMMA, "发票抬头开错了，能重新开吗？");
        Agent sofia = online(SOFIA);

        mvc.perform(post("/workspace/conversations/{id}/transfer", c.id()).param("target", "agent:" + sofia.id())
                .param("note", "Invoice question, billing knows this").with(as(EMMA)).with(csrf()))
                .andExpect(status().isNoContent())
                .andExpect(header().string("HX-Trigger", Matchers.containsString("conv-changed")));

        assertThat(conversations.get(demo(), c.id()).assigneeAgentId()).isEqualTo(sofia.id());
        List<Message> transcript = conversations.messages(demo(), c.id(), 0, true, 50);
        assertThat(transcript.get(0).body()).isEqualTo("发票抬头开错了，能重新开吗？");
        assertThat(transcript).anySatisfy(m -> {
            assertThat(m.internal()).isTrue();
            assertThat(m.authorName()).isEqualTo("Emma Clark");
            assertThat(m.body()).isEqualTo("Invoice question, billing knows this");
        });
        assertThat(conversations.timeline(demo(), c.id())).extracting(TimelineEntry::kind).contains("TRANSFERRED");
        mvc.perform(get("/workspace/inbox").param("view", "mine").with(as(SOFIA)))
                .andExpect(content().string(Matchers.containsString("data-conversation-id=\"" + c.id() + "\"")));
    }

    @Test
    void transferToAnOfflineOrUnknownAgentOrWithoutANoteIsRefusedInTheAgentsLanguageAndNothingChanges()
            throws Exception {
        Conversation c = conversationOf(EMMA, "发票抬头开错了，能重新开吗？");
        Agent wang = agent(WANG);
        presence.signOff(demo(), wang.id());

        mvc.perform(post("/workspace/conversations/{id}/transfer", c.id()).param("target", "agent:" + wang.id())
                .param("note", "请帮忙").param("lang", "zh-CN").with(as(EMMA)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("王强 当前离线")));
        mvc.perform(post("/workspace/conversations/{id}/transfer", c.id()).param("target", "agent:987654321")
                .param("note", "please").param("lang", "en").with(as(EMMA)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Choose an agent, queue or department")));
        mvc.perform(post("/workspace/conversations/{id}/transfer", c.id()).param("target", "queue:billing")
                .param("note", "  ").param("lang", "en").with(as(EMMA)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("so the receiver knows why")));

        assertThat(conversations.get(demo(), c.id()).assigneeAgentId()).isEqualTo(agent(EMMA).id());
        assertThat(conversations.messages(demo(), c.id(), 0, true, 50)).hasSize(1);
    }

    @Test
    void escalationTakesAnL1ConversationToAnL2AgentWhileAnIdleL1ColleagueIsPassedOver() throws Exception {
        Conversation c = conversationOf(EMMA, "我上周买的鞋子尺码不对，想退货退款");
        online(WANG);
        // A senior of its own with room to spare, so the demo seniors' load from other suites cannot matter.
        Agent senior = seniorAgent();
        presence.heartbeat(demo(), senior.id(), Presence.ONLINE);

        mvc.perform(post("/workspace/conversations/{id}/escalate", c.id()).param("reason", "Refund above my limit")
                .with(as(EMMA)).with(csrf())).andExpect(status().isNoContent());

        // The owner keeps the customer until a senior agent accepts: nobody is left without an owner.
        assertThat(conversations.get(demo(), c.id()).assigneeAgentId()).isEqualTo(agent(EMMA).id());
        assertThat(conversations.messages(demo(), c.id(), 0, true, 50)).anySatisfy(m -> {
            assertThat(m.internal()).isTrue();
            assertThat(m.body()).contains("L1 → L2").contains("Refund above my limit");
        });
        // The request's own routing round offers it, or the scanner's if that round held the claim at the time.
        Offer offer = Awaitility.await().until(() -> agents.list(demo()).stream()
                .flatMap(a -> routing.openOffers(demo(), a.id()).stream())
                .filter(o -> o.conversationId() == c.id()).findFirst(), Optional::isPresent).orElseThrow();
        Agent offered = agents.find(demo(), offer.agentId()).orElseThrow();
        assertThat(offered.tier()).isGreaterThanOrEqualTo(Tier.L2);

        routing.accept(demo(), offer.id(), offered.id());
        assertThat(conversations.get(demo(), c.id()).assigneeAgentId()).isEqualTo(offered.id());
    }

    @Test
    void escalatingBeyondL3IsRefusedInTheAgentsLanguage() throws Exception {
        Conversation c = conversationOf(ZHANG, "服务器一直报错 502");

        mvc.perform(post("/workspace/conversations/{id}/escalate", c.id()).param("reason", "再升级")
                .param("lang", "zh-CN").with(as(EMMA)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("已在最高级别 L3")));
        mvc.perform(post("/workspace/conversations/{id}/escalate", c.id()).param("reason", "again")
                .param("lang", "en").with(as(EMMA)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("already with L3")));

        assertThat(conversations.messages(demo(), c.id(), 0, true, 50)).hasSize(1);
        assertThat(conversations.get(demo(), c.id()).assigneeAgentId()).isEqualTo(agent(ZHANG).id());
    }

    @Test
    void notesOnlySpecialistSeesTheTranscriptAndPostsNotesButCannotReplyThenLeaves() throws Exception {
        Conversation c = conversationOf(EMMA, "订单 20261123-7788 扣了两次款");
        Agent sofia = agent(SOFIA);

        mvc.perform(post("/workspace/conversations/{id}/collaborators", c.id()).param("agentId", "" + sofia.id())
                .param("access", "notes").with(as(EMMA)).with(csrf())).andExpect(status().isNoContent());

        assertThat(conversations.participants(demo(), c.id())).anySatisfy(p -> {
            assertThat(p.agentId()).isEqualTo(sofia.id());
            assertThat(p.role()).isEqualTo(Participant.Role.COLLABORATOR);
            assertThat(p.canReply()).isFalse();
        });
        mvc.perform(get("/workspace/inbox").param("view", "shared").with(as(SOFIA)))
                .andExpect(content().string(Matchers.containsString("data-conversation-id=\"" + c.id() + "\"")));
        mvc.perform(get("/workspace/conversations/{id}", c.id()).param("lang", "en").with(as(SOFIA)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("订单 20261123-7788 扣了两次款")))
                .andExpect(content().string(Matchers.containsString("id=\"note-form\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"reply-form\""))))
                .andExpect(content().string(Matchers.containsString("invited for internal notes only")));
        mvc.perform(get("/workspace/conversations/{id}/moves", c.id()).param("lang", "en").with(as(EMMA)))
                .andExpect(content().string(Matchers.containsString("Sofia Rossi")))
                .andExpect(content().string(Matchers.containsString("Internal notes only")));

        mvc.perform(post("/workspace/conversations/{id}/reply", c.id()).header("HX-Request", "true").param("body", "我来处理退款")
                .param("lang", "en").with(as(SOFIA)).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("cannot write to the customer")));
        assertThat(conversations.messages(demo(), c.id(), 0, false, 50)).hasSize(1);

        mvc.perform(post("/workspace/conversations/{id}/note", c.id()).header("HX-Request", "true").param("body", "重复扣款已在账务系统确认，可以退一笔")
                .with(as(SOFIA)).with(csrf())).andExpect(status().isNoContent());
        List<Message> afterNote = conversations.messages(demo(), c.id(), 0, true, 50);
        Message note = afterNote.get(afterNote.size() - 1);
        assertThat(note.internal()).isTrue();
        assertThat(note.authorName()).isEqualTo("Sofia Rossi");
        mvc.perform(get("/workspace/conversations/{id}", c.id()).with(as(EMMA)))
                .andExpect(content().string(Matchers.containsString("重复扣款已在账务系统确认，可以退一笔")));

        // An agent may not take a colleague out; the collaborator leaves themselves.
        mvc.perform(post("/workspace/conversations/{id}/collaborators/{agentId}/leave", c.id(), sofia.id())
                .param("lang", "en").with(as(EMMA)).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("Only the collaborator or a supervisor")));
        mvc.perform(post("/workspace/conversations/{id}/collaborators/{agentId}/leave", c.id(), sofia.id())
                .with(as(SOFIA)).with(csrf())).andExpect(status().isNoContent());

        assertThat(conversations.participants(demo(), c.id())).filteredOn(p -> p.agentId() == sofia.id())
                .allSatisfy(p -> assertThat(p.isActive()).isFalse());
        mvc.perform(get("/workspace/inbox").param("view", "shared").with(as(SOFIA)))
                .andExpect(content().string(Matchers.not(
                        Matchers.containsString("data-conversation-id=\"" + c.id() + "\""))));
    }

    @Test
    void agentOfAnotherTenantCannotTransferEscalateInviteOrLeaveAndNothingChanges() throws Exception {
        Conversation foreign = WebTestFixtures.otherTenantConversation(tenants, customers, conversations);
        TenantId other = new TenantId(foreign.tenantId());
        int timeline = conversations.timeline(other, foreign.id()).size();
        long sofia = online(SOFIA).id();

        mvc.perform(get("/workspace/conversations/{id}/moves", foreign.id()).with(as(EMMA)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/workspace/conversations/{id}/transfer", foreign.id()).param("target", "agent:" + sofia)
                .param("note", "mine now").with(as(EMMA)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/workspace/conversations/{id}/transfer", foreign.id()).param("target", "queue:billing")
                .param("note", "mine now").with(as(EMMA)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/workspace/conversations/{id}/escalate", foreign.id()).param("reason", "up")
                .with(as(EMMA)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/workspace/conversations/{id}/collaborators", foreign.id()).param("agentId", "" + sofia)
                .param("access", "reply").with(as(EMMA)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/workspace/conversations/{id}/collaborators/{agentId}/leave", foreign.id(), sofia)
                .with(as(SOFIA)).with(csrf())).andExpect(status().isNotFound());

        Conversation after = conversations.get(other, foreign.id());
        assertThat(after.assigneeAgentId()).isNull();
        assertThat(conversations.participants(other, foreign.id())).isEmpty();
        assertThat(conversations.messages(other, foreign.id(), 0, true, 50)).hasSize(1);
        assertThat(conversations.timeline(other, foreign.id())).hasSize(timeline);
    }

    /** A new customer's e-mail (the demo bot answers chat only) owned by the given agent. */
    private Conversation conversationOf(String ownerEmail, String text) {
        Customer customer = customers.visitor(demo(), UUID.randomUUID().toString(), "访客 " + text.length(),
                "zh-CN");
        Conversation c = conversations.open(demo(), customer.id(), customer.name(), Channel.EMAIL,
                "moves " + UUID.randomUUID(), text, null);
        Agent owner = agent(ownerEmail);
        conversations.assign(demo(), c.id(), owner.id(), owner.displayName(), Actor.system());
        // Routing learns of the opening and the owner asynchronously; a move made before that would be undone by
        // the late news, so wait until routing counts the conversation on its owner.
        Awaitility.await().until(() -> jdbc.sql("SELECT COUNT(*) FROM routing_work "
                + "WHERE conversation_id = :c AND status = 'ASSIGNED' AND agent_id = :a").param("c", c.id())
                .param("a", owner.id()).query(Long.class).single() == 1);
        return conversations.get(demo(), c.id());
    }

    private Agent seniorAgent() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        User user = users.create(demo(), "l2-" + suffix + "@demo.oriole.dev", "L2 " + suffix,
                WebTestFixtures.PASSWORD, Role.AGENT, "zh-CN");
        return agents.create(demo(), user.id(), new AgentProfile("L2 " + suffix, Tier.L2, 20, List.of("zh", "en"),
                Set.of("after-sales"), Map.of("after-sales", 4, "billing", 4, "technical", 4, "pre-sales", 4)));
    }

    private Agent online(String email) {
        Agent agent = agent(email);
        presence.heartbeat(demo(), agent.id(), Presence.ONLINE);
        return agent;
    }

    private Agent agent(String email) {
        long userId = users.findByEmail(demo(), email).orElseThrow().id();
        return agents.findByUser(demo(), userId).orElseThrow();
    }

    private RequestPostProcessor as(String email) {
        return authentication(WebTestFixtures.staff(tenants, users, email));
    }

    private TenantId demo() {
        return tenants.findBySlug(WebTestFixtures.DEMO).orElseThrow().tenantId();
    }
}
