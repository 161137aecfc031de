package io.oriole.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.agent.AgentManagement.AgentProfile;
import io.oriole.agent.Tier;
import io.oriole.conversation.Actor;
import io.oriole.conversation.Channel;
import io.oriole.conversation.ConversationManagement;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.Role;
import io.oriole.identity.StaffPrincipal;
import io.oriole.identity.User;
import io.oriole.routing.RoutingManagement;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.api.ApiClient.Reply;
import io.oriole.web.api.ApiFixture.TenantSetup;

/**
 * The permission matrix, cell by cell: every staff endpoint (API, workspace, console, account pages) is called as
 * each role and must answer 403 exactly where {@link Permission} says the role may not act, and anything but 401 or
 * 403 where it may. Permissions that depend on a request's content (a VIP tier, someone else's conversation) have a
 * scenario each. docs/permissions.md is generated from the same sources and must equal what this test renders; run
 * with {@code -Doriole.write-permission-docs=true} to rewrite it after adding an endpoint or a permission.
 */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixIntegrationTests {

    private static final Path DOCS = Path.of("docs/permissions.md");
    private static final List<String> STAFF_PREFIXES = List.of("/api/v1/", "/workspace", "/console", "/account/");
    private static final String NO_SUCH_ID = "999999";

    @Autowired
    ApiFixture fixture;
    @Autowired
    ApiClient api;
    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    TenantManagement tenants;
    @Autowired
    AgentManagement agents;
    @Autowired
    ConversationManagement conversations;
    @Autowired
    RoutingManagement routing;

    private TenantSetup t;
    private final Map<Role, String> tokens = new java.util.EnumMap<>(Role.class);
    private final Map<Role, UsernamePasswordAuthenticationToken> sessions = new java.util.EnumMap<>(Role.class);
    private Agent otherAgent;

    /** One staff endpoint: a method and path pattern, and the permission its handler names (null: none). */
    record Endpoint(HttpMethod method, String pattern, MediaType consumes, Permission permission, String handler) {

        boolean isApi() {
            return pattern.startsWith("/api/");
        }

        String uri() {
            return pattern.replaceAll("\\{[^}]+}", NO_SUCH_ID);
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** A permission whose check depends on the request's content: the request that needs it, as a role. */
    record Scenario(Permission permission, String description, Function<Role, Integer> callAs) {
    }

    @BeforeAll
    void staffOfEachRole() {
        t = fixture.tenant("matrix");
        String slug = tenants.list().stream().filter(x -> x.tenantId().equals(t.id())).findFirst().orElseThrow()
                .slug();
        User supervisor = fixture.user(t.id(), "supervisor@" + slug + ".test", Role.SUPERVISOR);
        tokens.put(Role.ADMIN, t.adminToken());
        tokens.put(Role.SUPERVISOR, fixture.tokenFor(t.id(), supervisor.id()));
        tokens.put(Role.AGENT, t.agentToken());
        sessions.put(Role.ADMIN, session(t.id().value(), t.adminUserId(), slug, Role.ADMIN));
        sessions.put(Role.SUPERVISOR, session(t.id().value(), supervisor.id(), slug, Role.SUPERVISOR));
        sessions.put(Role.AGENT, session(t.id().value(), t.agentUserId(), slug, Role.AGENT));
        User other = fixture.user(t.id(), "other-agent@" + slug + ".test", Role.AGENT);
        // Staff who speak in conversations have agent profiles; without one the workspace refuses for that reason.
        agents.create(t.id(), t.adminUserId(), new AgentProfile("Ada Admin", Tier.L3, 5, List.of("en"),
                Set.of("support"), Map.of()));
        agents.create(t.id(), supervisor.id(), new AgentProfile("Sam Supervisor", Tier.L3, 5, List.of("en"),
                Set.of("support"), Map.of()));
        otherAgent = agents.create(t.id(), other.id(), new AgentProfile("Olli Other", Tier.L2, 5, List.of("en"),
                Set.of("support"), Map.of()));
    }

    private static UsernamePasswordAuthenticationToken session(long tenant, long user, String slug, Role role) {
        StaffPrincipal me = new StaffPrincipal(user, tenant, slug, role + "@" + slug, role.name(), role, "en");
        return new UsernamePasswordAuthenticationToken(me, null, me.authorities());
    }

    @Test
    void everyStaffEndpointNamesAPermission() {
        assertThat(endpoints()).filteredOn(e -> e.permission() == null).as("endpoints without @RequiresPermission")
                .isEmpty();
    }

    @Test
    void everyPermissionGuardsAnEndpointOrHasAScenario() {
        Set<Permission> exercised = EnumSet.noneOf(Permission.class);
        endpoints().forEach(e -> exercised.add(e.permission()));
        scenarios().forEach(s -> exercised.add(s.permission()));
        assertThat(EnumSet.complementOf(EnumSet.copyOf(exercised))).as("permissions nothing exercises").isEmpty();
    }

    @Test
    void theDocumentedMatrixIsTheEnforcedOne() throws IOException {
        String written = Files.readString(DOCS, StandardCharsets.UTF_8);
        String expected = PermissionDocs.render(written, endpoints(), scenarios().stream()
                .map(s -> Map.entry(s.permission(), s.description())).toList());
        if (Boolean.getBoolean("oriole.write-permission-docs")) {
            Files.writeString(DOCS, expected, StandardCharsets.UTF_8);
            written = expected;
        }
        assertThat(written)
                .as("docs/permissions.md is generated: rerun this test with -Doriole.write-permission-docs=true")
                .isEqualTo(expected);
    }

    @TestFactory
    Stream<DynamicTest> eachRoleIsAllowedExactlyWhatTheMatrixSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (Role role : Role.values()) {
                boolean allowed = e.permission().allows(role);
                tests.add(DynamicTest.dynamicTest(role + " " + e + (allowed ? " is let through" : " is refused"),
                        () -> {
                            MockHttpServletResponse response = call(e, role);
                            if (allowed) {
                                assertThat(response.getStatus()).as(role + " " + e).isNotIn(401, 403);
                            }
                            else {
                                assertThat(response.getStatus()).as(role + " " + e).isEqualTo(403);
                                if (e.isApi()) {
                                    assertThat(response.getContentType()).startsWith("application/problem+json");
                                    assertThat(response.getContentAsString()).contains(e.permission().name());
                                }
                            }
                        }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> nobodyAnonymousReachesAStaffEndpoint() {
        return endpoints().stream().map(e -> DynamicTest.dynamicTest("anonymous " + e, () -> {
            MockHttpServletResponse response = mvc.perform(build(e).accept(MediaType.TEXT_HTML, MediaType.ALL))
                    .andReturn().getResponse();
            if (e.isApi()) {
                assertThat(response.getStatus()).isEqualTo(401);
            }
            else {
                assertThat(response.getStatus()).isEqualTo(302);
                assertThat(response.getRedirectedUrl()).endsWith("/login");
                assertThat(response.getContentAsString()).isEmpty();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> contentDependentPermissionsFollowTheMatrix() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Scenario s : scenarios()) {
            for (Role role : Role.values()) {
                boolean allowed = s.permission().allows(role);
                tests.add(DynamicTest.dynamicTest(role + " " + s.description() + (allowed ? " is let through"
                        : " is refused"), () -> {
                            int status = s.callAs().apply(role);
                            if (allowed) {
                                assertThat(status).as(role + " " + s.description()).isBetween(200, 299);
                            }
                            else {
                                assertThat(status).as(role + " " + s.description()).isEqualTo(403);
                            }
                        }));
            }
        }
        return tests.stream();
    }

    private List<Scenario> scenarios() {
        return List.of(
                new Scenario(Permission.SET_CUSTOMER_TIER, "creating a GOLD customer (POST /api/v1/customers)",
                        role -> api.post(tokens.get(role), "/api/v1/customers",
                                "{\"kind\": \"PERSONAL\", \"name\": \"Goldie\", \"vipTier\": \"GOLD\"}").status()),
                new Scenario(Permission.SET_CUSTOMER_TIER,
                        "raising a customer's VIP tier (PUT /api/v1/customers/{id})",
                        role -> api.put(tokens.get(role), "/api/v1/customers/" + plainCustomer(),
                                "{\"kind\": \"PERSONAL\", \"name\": \"Plain\", \"vipTier\": \"PLATINUM\"}").status()),
                new Scenario(Permission.EDIT_CUSTOMERS,
                        "editing a customer's contact details, tier unchanged (PUT /api/v1/customers/{id})",
                        role -> api.put(tokens.get(role), "/api/v1/customers/" + plainCustomer(),
                                "{\"kind\": \"PERSONAL\", \"name\": \"Plain Renamed\", \"vipTier\": \"NONE\"}")
                                .status()),
                new Scenario(Permission.TAKE_CONVERSATION,
                        "taking an unassigned conversation (PUT /api/v1/conversations/{id}/assign)",
                        role -> api.put(tokens.get(role), "/api/v1/conversations/" + conversationOf(null)
                                + "/assign", "{\"agentId\": " + t.agentId() + "}").status()),
                new Scenario(Permission.REASSIGN_CONVERSATION,
                        "taking someone else's conversation (PUT /api/v1/conversations/{id}/assign)",
                        role -> api.put(tokens.get(role), "/api/v1/conversations/" + conversationOf(otherAgent)
                                + "/assign", "{\"agentId\": " + t.agentId() + "}").status()),
                new Scenario(Permission.REASSIGN_CONVERSATION,
                        "transferring someone else's conversation (POST /api/v1/conversations/{id}/transfer)",
                        role -> api.post(tokens.get(role), "/api/v1/conversations/" + conversationOf(otherAgent)
                                + "/transfer", "{\"department\": \"billing\", \"note\": \"over to you\"}")
                                .status()),
                new Scenario(Permission.REMOVE_COLLABORATOR,
                        "removing another collaborator (DELETE /api/v1/conversations/{id}/collaborators/{agentId})",
                        role -> {
                            long id = conversationOf(null);
                            routing.invite(t.id(), id, otherAgent.id(), true, Actor.system());
                            return api.delete(tokens.get(role), "/api/v1/conversations/" + id + "/collaborators/"
                                    + otherAgent.id()).status();
                        }));
    }

    private long plainCustomer() {
        Reply created = api.post(t.adminToken(), "/api/v1/customers", "{\"kind\": \"PERSONAL\", \"name\": \"Plain\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.body().path("id").asLong();
    }

    private long conversationOf(Agent owner) {
        long id = conversations.open(t.id(), t.customerId(), "Casey", Channel.API, null, "Hello there", null).id();
        if (owner != null) {
            conversations.assign(t.id(), id, owner.id(), owner.displayName(), Actor.system());
        }
        return id;
    }

    private MockHttpServletResponse call(Endpoint e, Role role) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> request = build(e);
        if (e.isApi()) {
            request.header("Authorization", "Bearer " + tokens.get(role));
        }
        else {
            request.with(authentication(sessions.get(role)));
        }
        try {
            return mvc.perform(request).andReturn().getResponse();
        }
        catch (Exception unhandled) {
            // The request reached code past the permission check, which is all this test asks of an allowed role.
            MockHttpServletResponse reached = new MockHttpServletResponse();
            reached.setStatus(500);
            return reached;
        }
    }

    private static AbstractMockHttpServletRequestBuilder<?> build(Endpoint e) {
        AbstractMockHttpServletRequestBuilder<?> request;
        if (MediaType.MULTIPART_FORM_DATA.includes(e.consumes())) {
            request = multipart(e.method(), e.uri());
        }
        else {
            request = request(e.method(), e.uri());
            if (e.method() == HttpMethod.POST || e.method() == HttpMethod.PUT) {
                if (e.consumes() != null) {
                    request.contentType(e.consumes()).content("question,intent\n");
                }
                else if (e.isApi()) {
                    request.contentType(MediaType.APPLICATION_JSON).content("{}");
                }
            }
        }
        return e.isApi() ? request : request.with(csrf());
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> out = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = m.getKey();
            Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
            MediaType type = consumes.isEmpty() || consumes.contains(MediaType.APPLICATION_JSON) ? null
                    : consumes.iterator().next();
            for (String pattern : info.getPatternValues()) {
                if (STAFF_PREFIXES.stream().noneMatch(pattern::startsWith)) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                for (var method : methods.isEmpty() ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET)
                        : methods) {
                    out.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern, type, required(m.getValue()),
                            m.getValue().getBeanType().getSimpleName()));
                }
            }
        }
        out.sort(Comparator.comparing(Endpoint::pattern).thenComparing(e -> e.method().name())
                .thenComparing(e -> String.valueOf(e.consumes())));
        return out;
    }

    private static Permission required(HandlerMethod method) {
        RequiresPermission onMethod = method.getMethodAnnotation(RequiresPermission.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        RequiresPermission onType = method.getBeanType().getAnnotation(RequiresPermission.class);
        return onType == null ? null : onType.value();
    }
}
