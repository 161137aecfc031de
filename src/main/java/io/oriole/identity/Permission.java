package io.oriole.identity;

import java.util.EnumSet;
import java.util.Set;

import static io.oriole.identity.Role.ADMIN;
import static io.oriole.identity.Role.AGENT;
import static io.oriole.identity.Role.SUPERVISOR;

/**
 * What a staff member may do, and which roles may do it: the one source of the permission matrix. Controllers name
 * the permission an endpoint needs with {@link RequiresPermission}; a request whose rule depends on its content (a
 * VIP tier in a customer's details, someone else's conversation) calls {@link #demand(StaffPrincipal)} where the
 * content is known. {@code docs/permissions.md} is generated from this enum and a test keeps the two equal.
 *
 * <p>Agents handle the conversations of their tenant, read its customers and use the knowledge base; supervisors
 * also steer the team's work and see its reports; admins also change how the tenant works. {@link #reason} says why
 * a cell is not that obvious default.
 */
public enum Permission {

    VIEW_CONVERSATIONS("see the inbox, a conversation, its messages, timeline, triage, SLA clocks and bot state",
            null, ADMIN, SUPERVISOR, AGENT),
    START_CONVERSATION("open a conversation for a customer", null, ADMIN, SUPERVISOR, AGENT),
    HANDLE_CONVERSATION("reply, add internal notes, change status, judge or resume the bot", null,
            ADMIN, SUPERVISOR, AGENT),
    TAKE_CONVERSATION("assign an unassigned conversation to oneself, or hand over or release one's own", null,
            ADMIN, SUPERVISOR, AGENT),
    REASSIGN_CONVERSATION("assign a conversation that is someone else's, or give unassigned work to someone else",
            "dispatching other people's work is a supervisor's call; an agent hands over only their own",
            ADMIN, SUPERVISOR),
    MOVE_CONVERSATION("transfer, escalate, invite a collaborator, leave as a collaborator", null,
            ADMIN, SUPERVISOR, AGENT),
    REMOVE_COLLABORATOR("remove another collaborator from a conversation", null, ADMIN, SUPERVISOR),
    OVERRIDE_PRIORITY("override a conversation's triaged priority, with a reason", null, ADMIN, SUPERVISOR),
    ANSWER_OFFERS("see, accept and decline one's routing offers; set one's own presence", null,
            ADMIN, SUPERVISOR, AGENT),
    VIEW_TEAM("list agents, their presence and the queues",
            "agents need them to pick the target of a transfer or an invitation", ADMIN, SUPERVISOR, AGENT),
    VIEW_CUSTOMERS("list and read customers, their conversation history and account facts", null,
            ADMIN, SUPERVISOR, AGENT),
    EDIT_CUSTOMERS("create a customer and edit contact details", null, ADMIN, SUPERVISOR, AGENT),
    SET_CUSTOMER_TIER("set a customer's VIP tier or account facts",
            "the tier and the facts the tier rules read raise priority and pick the VIP desk, like a priority "
                    + "override",
            ADMIN, SUPERVISOR),
    USE_KNOWLEDGE("read and search knowledge entries, suggestions, the unanswered-questions inbox", null,
            ADMIN, SUPERVISOR, AGENT),
    PROPOSE_KNOWLEDGE("answer open questions with a new entry or as phrasings of an existing one",
            "an agent's answer waits as a proposal until a supervisor or admin publishes it (PUBLISH_KNOWLEDGE); "
                    + "theirs is published at once",
            ADMIN, SUPERVISOR, AGENT),
    PUBLISH_KNOWLEDGE("publish proposed answers, so that the bot answers customers with them",
            "what the bot tells customers is the tenant speaking; the people who answer for the team decide it",
            ADMIN, SUPERVISOR),
    EDIT_KNOWLEDGE("create and edit entries, import and export the knowledge base",
            "export hands out the whole base at once; editing changes bot answers, like publishing",
            ADMIN, SUPERVISOR),
    MANAGE_BOT("switch the bot on or off, tune its hand-off rules and its generative endpoint",
            "the generative endpoint receives customer text and holds an API key", ADMIN),
    VIEW_SETTINGS("read the tenant's bot, routing, SLA and triage settings and preview triage",
            "supervisors explain decisions to their team; agents are shown the outcome on each conversation",
            ADMIN, SUPERVISOR),
    VIEW_REPORTS("SLA attainment, the waiting line, routing decisions and history, the console's overview pages",
            null, ADMIN, SUPERVISOR),
    VIEW_SLA_DIGESTS("read and write the supervisors' SLA digests",
            "digests rank the team's breaches by agent; they are written for supervisors", ADMIN, SUPERVISOR),
    RUN_WHAT_IF("replay the tenant's history through the simulator (What if?)", null, ADMIN, SUPERVISOR),
    ASSIGN_DEDICATED_AGENT("give a customer a dedicated agent",
            "it routes a customer's future work, like reassigning it", ADMIN, SUPERVISOR),
    MANAGE_ROUTING("edit queues and the routing policy", null, ADMIN),
    MANAGE_SLA("edit SLA policies and business-hours calendars",
            "targets are promises the company makes; supervisors are measured against them", ADMIN),
    MANAGE_TRIAGE("teach intents, edit the catalogue, priority weights and VIP tier rules",
            "weights and tier rules decide every conversation's priority", ADMIN),
    MANAGE_USERS("create, edit, disable staff and their agent profiles (disabling cuts off their tokens too)",
            null, ADMIN),
    MANAGE_WIDGET("see and rotate the widget secret, and choose the sites that may embed the widget",
            "the secret signs every visitor token and identified user; rotating it signs every visitor out", ADMIN),
    OWN_TOKENS("create, list and revoke one's own API tokens", null, ADMIN, SUPERVISOR, AGENT);

    /**
     * What assigning a conversation owned by {@code owner} (null: nobody) to {@code target} (null: nobody) asks of
     * the agent {@code me} (null: a staff member without an agent profile): taking unassigned work for oneself and
     * handing over or releasing one's own is {@link #TAKE_CONVERSATION}, anything else {@link #REASSIGN_CONVERSATION}.
     */
    public static Permission toAssign(Long owner, Long target, Long me) {
        boolean mine = me != null && me.equals(owner);
        boolean takingUnassigned = owner == null && (target == null || target.equals(me));
        return mine || takingUnassigned ? TAKE_CONVERSATION : REASSIGN_CONVERSATION;
    }

    /** Transferring a conversation owned by {@code owner}: one's own or unassigned work moves freely. */
    public static Permission toMove(Long owner, Long me) {
        return owner == null || owner.equals(me) ? MOVE_CONVERSATION : REASSIGN_CONVERSATION;
    }

    private final String description;
    private final String reason;
    private final Set<Role> roles;

    Permission(String description, String reason, Role... roles) {
        this.description = description;
        this.reason = reason;
        this.roles = Set.copyOf(EnumSet.of(roles[0], roles));
    }

    public boolean allows(Role role) {
        return role != null && roles.contains(role);
    }

    public boolean allows(StaffPrincipal who) {
        return who != null && allows(who.role());
    }

    /** @throws PermissionDenied unless {@code who}'s role has this permission */
    public void demand(StaffPrincipal who) {
        if (!allows(who)) {
            throw new PermissionDenied(this);
        }
    }

    public Set<Role> roles() {
        return roles;
    }

    /** What the permission covers, in the words of the docs' matrix. */
    public String description() {
        return description;
    }

    /** Why the cell is what it is, when that is not obvious; null otherwise. */
    public String reason() {
        return reason;
    }
}
