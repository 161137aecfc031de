package io.oriole.web.widget;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.oriole.bot.BotManagement;
import io.oriole.conversation.Channel;
import io.oriole.conversation.Conversation;
import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.ConversationNotFoundException;
import io.oriole.conversation.ConversationStatus;
import io.oriole.conversation.Message;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerManagement;
import io.oriole.routing.RoutingManagement;
import io.oriole.shared.PlainText;
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;

/**
 * The chat widget's JSON endpoints. Public, but every call after the session carries the visitor token in
 * {@code X-Visitor-Token}; the token decides the customer, so a customer only ever reaches their own
 * conversation, and only on the widget of the tenant that issued the token. An anonymous visitor's customer row is
 * created with their first message, not with the session: a visitor who never writes leaves nothing behind. Sessions
 * and messages spend from the {@link WidgetLimits}; text follows {@link PlainText}.
 */
@RestController
@RequestMapping("/widget/api/{tenant}")
class WidgetApi {

    static final String TOKEN_HEADER = "X-Visitor-Token";
    private static final Pattern CLIENT_MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final int MAX_NAME = 100;
    private static final int MAX_USER_ID = 128;
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");

    private final TenantManagement tenants;
    private final CustomerManagement customers;
    private final ConversationManagement conversations;
    private final VisitorTokens tokens;
    private final RoutingManagement routing;
    private final BotManagement bot;
    private final WidgetLimits limits;
    private final VisitorCustomers visitorCustomers;

    WidgetApi(TenantManagement tenants, CustomerManagement customers, ConversationManagement conversations,
            VisitorTokens tokens, RoutingManagement routing, BotManagement bot, WidgetLimits limits) {
        this.bot = bot;
        this.limits = limits;
        this.visitorCustomers = new VisitorCustomers(customers);
        this.tenants = tenants;
        this.customers = customers;
        this.conversations = conversations;
        this.tokens = tokens;
        this.routing = routing;
    }

    /** Where the customer stands in line; {@code waiting} false once an agent has it (or nothing is open). */
    record WaitView(boolean waiting, Integer position, Long estimatedWaitMinutes, Integer agentsServing) {
    }

    record SessionRequest(String token, String userId, String userHash, String name, String locale) {
    }

    /** {@code customerId} is absent until an anonymous visitor's first message has created their customer. */
    record SessionResponse(String token, Long customerId, String name, boolean identified) {
    }

    record SendRequest(String clientMessageId, String text) {
    }

    record MessageView(long seq, String author, String authorName, String body, Instant createdAt) {

        static MessageView of(Message m) {
            return new MessageView(m.seq(), m.authorType().name().toLowerCase(), m.authorName(), m.body(),
                    m.createdAt());
        }
    }

    /** {@code feedbackSeqs}: bot answers still waiting for "Did this solve your problem?". */
    record ConversationView(Long conversationId, String status, List<MessageView> messages,
            java.util.Set<Long> feedbackSeqs) {
    }

    /** The customer's answer to "Did this solve your problem?" under the bot answer at {@code seq}. */
    record FeedbackRequest(Long seq, Boolean helpful) {
    }

    /**
     * Starts or resumes a session. A valid token of this tenant is renewed (within its absolute lifetime);
     * {@code userId} with a matching {@code userHash} signs in a customer of the tenant's own site; anyone else
     * becomes a new anonymous visitor, who has a token but no customer row until their first message.
     */
    @PostMapping("/session")
    SessionResponse session(@PathVariable String tenant, @RequestBody(required = false) SessionRequest request,
            HttpServletRequest http) {
        Tenant t = tenantOf(tenant);
        limits.session(http.getRemoteAddr(), t.id());
        SessionRequest r = request == null ? new SessionRequest(null, null, null, null, null) : request;
        String locale = r.locale() == null || !LOCALE.matcher(r.locale()).matches() ? t.defaultLocale() : r.locale();
        String name = PlainText.optionalLine("name", r.name(), MAX_NAME);
        if (r.userId() != null && !r.userId().isBlank()) {
            if (r.userId().length() > MAX_USER_ID
                    || !VisitorTokens.userHashMatches(t.widgetSecret(), r.userId(), r.userHash())) {
                throw new InvalidVisitorException("userHash does not match userId");
            }
            Customer customer = customers.identified(t.tenantId(), PlainText.line("userId", r.userId(),
                    MAX_USER_ID), name, null, locale);
            return new SessionResponse(tokens.issue(t.id(), customer.id(), null, t.widgetSecret()), customer.id(),
                    customer.name(), true);
        }
        Optional<VisitorToken> resumed = tokens.verify(r.token()).filter(v -> v.tenantId() == t.id());
        if (resumed.isPresent()) {
            VisitorToken v = resumed.get();
            Optional<Customer> known = customerOf(t, v);
            if (known.isPresent() || (!v.hasCustomer() && v.visitorId() != null)) {
                String shownName = known.map(Customer::name).orElse(v.name());
                return new SessionResponse(tokens.issue(t.id(), known.map(Customer::id).orElse(0L), v.visitorId(),
                        v.issuedAt(), shownName, v.locale(), t.widgetSecret()), known.map(Customer::id).orElse(null),
                        shownName, known.map(c -> c.externalId() != null).orElse(false));
            }
        }
        String visitorId = UUID.randomUUID().toString();
        String shownName = name == null ? "Visitor " + visitorId.substring(0, 4) : name;
        return new SessionResponse(tokens.issue(t.id(), 0, visitorId, null, shownName, locale, t.widgetSecret()),
                null, shownName, false);
    }

    /** The customer's current conversation and its public messages after {@code after}. */
    @GetMapping("/conversation")
    ConversationView conversation(@PathVariable String tenant, @RequestHeader(name = TOKEN_HEADER,
            required = false) String token, @RequestParam(defaultValue = "0") long after) {
        Tenant t = tenantOf(tenant);
        VisitorToken visitor = visitorOf(t, token);
        return current(t, visitor).map(c -> new ConversationView(c.id(), c.status().name().toLowerCase(),
                conversations.messages(t.tenantId(), c.id(), Math.max(0, after), false, ConversationManagement.MAX_PAGE)
                        .stream().map(MessageView::of).toList(), bot.awaitingFeedback(t.tenantId(), c.id())))
                .orElse(new ConversationView(null, null, List.of(), java.util.Set.of()));
    }

    /** Records whether the bot's answer helped; 404 when it is not a bot answer in the visitor's conversation. */
    @PostMapping("/feedback")
    ResponseEntity<Void> feedback(@PathVariable String tenant,
            @RequestHeader(name = TOKEN_HEADER, required = false) String token, @RequestBody FeedbackRequest request,
            HttpServletRequest http) {
        Tenant t = tenantOf(tenant);
        VisitorToken visitor = visitorOf(t, token);
        limits.message(visitorKey(visitor), http.getRemoteAddr(), t.id());
        if (request.seq() == null) {
            throw new InvalidFieldException("seq", "is required");
        }
        if (request.helpful() == null) {
            throw new InvalidFieldException("helpful", "must be true or false");
        }
        Conversation c = current(t, visitor).orElseThrow(() -> new ConversationNotFoundException(0));
        if (!bot.recordFeedback(t.tenantId(), c.customerId(), c.id(), request.seq(), request.helpful())) {
            throw new ConversationNotFoundException(c.id());
        }
        return ResponseEntity.noContent().build();
    }

    /** Position and estimated wait of the customer's current conversation; the widget refreshes it on a push. */
    @GetMapping("/wait")
    WaitView waitView(@PathVariable String tenant, @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        Tenant t = tenantOf(tenant);
        VisitorToken visitor = visitorOf(t, token);
        return current(t, visitor).flatMap(c -> routing.waitFor(t.tenantId(), c.id()))
                .map(w -> new WaitView(true, w.position(), Math.max(1, (w.estimatedWait().toSeconds() + 59) / 60),
                        w.agentsServing()))
                .orElse(new WaitView(false, null, null, null));
    }

    /**
     * Stores the customer's message in their current conversation, opening one if there is none. Retrying with the
     * same {@code clientMessageId} returns the stored message instead of a copy.
     */
    @PostMapping("/messages")
    ResponseEntity<MessageView> send(@PathVariable String tenant,
            @RequestHeader(name = TOKEN_HEADER, required = false) String token, @RequestBody SendRequest request,
            HttpServletRequest http) {
        Tenant t = tenantOf(tenant);
        VisitorToken visitor = visitorOf(t, token);
        limits.message(visitorKey(visitor), http.getRemoteAddr(), t.id());
        if (request.clientMessageId() == null || !CLIENT_MESSAGE_ID.matcher(request.clientMessageId()).matches()) {
            throw new InvalidFieldException("clientMessageId", "must be 8 to 64 letters, digits, '-' or '_'");
        }
        String text = PlainText.message("text", request.text(), ConversationManagement.MAX_BODY);
        Customer customer = customerOf(t, visitor).orElseGet(() -> firstContact(t, visitor));
        Message message = conversations.receiveChatMessage(t.tenantId(), customer.id(), customer.name(), text,
                request.clientMessageId());
        return ResponseEntity.status(HttpStatus.CREATED).body(MessageView.of(message));
    }

    /** The newest conversation that can still take a message; a resolved one reopens when the customer writes. */
    private Optional<Conversation> current(Tenant t, VisitorToken visitor) {
        long customerId = customerIdOf(t, visitor);
        if (customerId == 0) {
            return Optional.empty();
        }
        return conversations.ofCustomer(t.tenantId(), customerId, 20).stream()
                .filter(c -> c.status() != ConversationStatus.CLOSED)
                .max(Comparator.comparing(Conversation::createdAt).thenComparing(Conversation::id));
    }

    private Tenant tenantOf(String slug) {
        Tenant t = tenants.findBySlugCached(slug).orElseThrow(UnknownWidgetException::new);
        if (!t.active()) {
            throw new SuspendedWidgetException();
        }
        return t;
    }

    private VisitorToken visitorOf(Tenant t, String token) {
        return tokens.verify(token).filter(v -> v.tenantId() == t.id())
                .orElseThrow(() -> new InvalidVisitorException("missing, expired or invalid visitor token"));
    }

    /**
     * The visitor's customer id, 0 while an anonymous visitor has not written. A token issued before the first
     * message names no customer, so the visitor id finds it.
     */
    private long customerIdOf(Tenant t, VisitorToken visitor) {
        if (visitor.hasCustomer()) {
            return visitor.customerId();
        }
        return visitorCustomers.customerId(t.tenantId(), visitor.visitorId());
    }

    private Optional<Customer> customerOf(Tenant t, VisitorToken visitor) {
        long id = customerIdOf(t, visitor);
        return id == 0 ? Optional.empty() : customers.find(t.tenantId(), id);
    }

    /** The anonymous visitor's first message: now they become a customer, with the name and locale of their token. */
    private Customer firstContact(Tenant t, VisitorToken visitor) {
        if (visitor.visitorId() == null) {
            throw new InvalidVisitorException("unknown customer");
        }
        String name = visitor.name() == null ? "Visitor " + visitor.visitorId().substring(0, 4) : visitor.name();
        return customers.visitor(t.tenantId(), visitor.visitorId(), name,
                visitor.locale() == null ? t.defaultLocale() : visitor.locale());
    }

    private static String visitorKey(VisitorToken visitor) {
        return visitor.tenantId() + (visitor.visitorId() != null ? ":v:" + visitor.visitorId()
                : ":c:" + visitor.customerId());
    }

    @ExceptionHandler(WidgetLimits.LimitReached.class)
    ResponseEntity<ProblemDetail> tooMany(WidgetLimits.LimitReached e) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.TOO_MANY_REQUESTS,
                "too many requests for this " + e.limit.name().toLowerCase(java.util.Locale.ROOT)
                        + "; retry after the time in Retry-After", null);
        answer.getBody().setProperty("limit", e.limit.name());
        long seconds = Math.max(1, (e.retryAfter.toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(seconds))
                .body(answer.getBody());
    }

    /** Field mistakes of the widget answer 400 like its other field checks, with the refusal's reason. */
    @ExceptionHandler(PlainText.TextRefused.class)
    ResponseEntity<ProblemDetail> refusedText(PlainText.TextRefused e) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.field());
        answer.getBody().setProperty("reason", e.reason().name());
        return answer;
    }

    @ExceptionHandler(InvalidVisitorException.class)
    ResponseEntity<ProblemDetail> unauthorized(InvalidVisitorException e) {
        return problem(HttpStatus.UNAUTHORIZED, e.getMessage(), null);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidFieldException e) {
        return problem(HttpStatus.BAD_REQUEST, e.field + " " + e.getMessage(), e.field);
    }

    @ExceptionHandler({ ConversationNotFoundException.class, UnknownWidgetException.class })
    ResponseEntity<ProblemDetail> notFound() {
        return problem(HttpStatus.NOT_FOUND, "not found", null);
    }

    /** The tenant is suspended: the widget tells the visitor the chat is unavailable rather than that it is gone. */
    @ExceptionHandler(SuspendedWidgetException.class)
    ResponseEntity<ProblemDetail> suspended() {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.FORBIDDEN,
                "this chat is suspended by the platform operator", null);
        answer.getBody().setProperty("reason", "TENANT_SUSPENDED");
        return answer;
    }

    /** Too busy to get a database connection in time: the widget retries with the same client message id. */
    @ExceptionHandler({ org.springframework.jdbc.CannotGetJdbcConnectionException.class,
            org.springframework.transaction.CannotCreateTransactionException.class })
    ResponseEntity<ProblemDetail> busy() {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.SERVICE_UNAVAILABLE,
                "the service is busy; retry in a moment with the same clientMessageId", null);
        return ResponseEntity.status(answer.getStatusCode()).header("Retry-After", "1").body(answer.getBody());
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> conflict(IllegalStateException e) {
        return problem(HttpStatus.CONFLICT, "the message could not be stored now; retry with the same clientMessageId",
                null);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), null);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.status(status).body(problem);
    }

    /** No tenant with that slug: the widget does not exist. */
    static class UnknownWidgetException extends RuntimeException {
    }

    /** The tenant exists but a platform operator has suspended it. */
    static class SuspendedWidgetException extends RuntimeException {
    }

    static class InvalidVisitorException extends RuntimeException {
        InvalidVisitorException(String message) {
            super(message);
        }
    }

    static class InvalidFieldException extends RuntimeException {
        final String field;

        InvalidFieldException(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
