package io.oriole.web.widget;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

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
import io.oriole.tenant.Tenant;
import io.oriole.tenant.TenantManagement;

/**
 * The chat widget's JSON endpoints. Public, but every call after the session carries the visitor token in
 * {@code X-Visitor-Token}; the token decides the customer, so a customer only ever reaches their own
 * conversation, and only on the widget of the tenant that issued the token.
 */
@RestController
@RequestMapping("/widget/api/{tenant}")
class WidgetApi {

    static final String TOKEN_HEADER = "X-Visitor-Token";
    private static final Pattern CLIENT_MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final int MAX_NAME = 100;
    private static final int MAX_USER_ID = 200;

    private final TenantManagement tenants;
    private final CustomerManagement customers;
    private final ConversationManagement conversations;
    private final VisitorTokens tokens;
    private final RoutingManagement routing;
    private final BotManagement bot;

    WidgetApi(TenantManagement tenants, CustomerManagement customers, ConversationManagement conversations,
            VisitorTokens tokens, RoutingManagement routing, BotManagement bot) {
        this.bot = bot;
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

    record SessionResponse(String token, long customerId, String name, boolean identified) {
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
     * Starts or resumes a session. A valid token of this tenant is renewed; {@code userId} with a matching
     * {@code userHash} signs in a customer of the tenant's own site; anyone else becomes a new anonymous visitor.
     */
    @PostMapping("/session")
    SessionResponse session(@PathVariable String tenant, @RequestBody(required = false) SessionRequest request) {
        Tenant t = tenantOf(tenant);
        SessionRequest r = request == null ? new SessionRequest(null, null, null, null, null) : request;
        String locale = r.locale() == null || r.locale().length() > 10 ? t.defaultLocale() : r.locale();
        Customer customer;
        String visitorId = null;
        if (r.userId() != null && !r.userId().isBlank()) {
            if (r.userId().length() > MAX_USER_ID
                    || !VisitorTokens.userHashMatches(t.widgetSecret(), r.userId(), r.userHash())) {
                throw new InvalidVisitorException("userHash does not match userId");
            }
            customer = customers.identified(t.tenantId(), r.userId(), trimmed(r.name()), null, locale);
        }
        else {
            Optional<VisitorToken> resumed = tokens.verify(r.token()).filter(v -> v.tenantId() == t.id());
            Optional<Customer> known = resumed.flatMap(v -> customers.find(t.tenantId(), v.customerId()));
            if (known.isPresent()) {
                customer = known.get();
                visitorId = resumed.get().visitorId();
            }
            else {
                visitorId = UUID.randomUUID().toString();
                String name = trimmed(r.name());
                customer = customers.visitor(t.tenantId(), visitorId,
                        name == null ? "Visitor " + visitorId.substring(0, 4) : name, locale);
            }
        }
        return new SessionResponse(tokens.issue(t.id(), customer.id(), visitorId, t.widgetSecret()), customer.id(),
                customer.name(), customer.externalId() != null);
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
            @RequestHeader(name = TOKEN_HEADER, required = false) String token, @RequestBody FeedbackRequest request) {
        Tenant t = tenantOf(tenant);
        VisitorToken visitor = visitorOf(t, token);
        if (request.seq() == null) {
            throw new InvalidFieldException("seq", "is required");
        }
        if (request.helpful() == null) {
            throw new InvalidFieldException("helpful", "must be true or false");
        }
        Conversation c = current(t, visitor).orElseThrow(() -> new ConversationNotFoundException(0));
        if (!bot.recordFeedback(t.tenantId(), visitor.customerId(), c.id(), request.seq(), request.helpful())) {
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
            @RequestHeader(name = TOKEN_HEADER, required = false) String token, @RequestBody SendRequest request) {
        Tenant t = tenantOf(tenant);
        VisitorToken visitor = visitorOf(t, token);
        if (request.clientMessageId() == null || !CLIENT_MESSAGE_ID.matcher(request.clientMessageId()).matches()) {
            throw new InvalidFieldException("clientMessageId", "must be 8 to 64 letters, digits, '-' or '_'");
        }
        String text = request.text();
        if (text == null || text.isBlank()) {
            throw new InvalidFieldException("text", "must not be blank");
        }
        if (text.strip().length() > ConversationManagement.MAX_BODY) {
            throw new InvalidFieldException("text", "must be at most " + ConversationManagement.MAX_BODY
                    + " characters");
        }
        Customer customer = customers.find(t.tenantId(), visitor.customerId())
                .orElseThrow(() -> new InvalidVisitorException("unknown customer"));
        Message message = conversations.receiveChatMessage(t.tenantId(), customer.id(), customer.name(), text,
                request.clientMessageId());
        return ResponseEntity.status(HttpStatus.CREATED).body(MessageView.of(message));
    }

    /** The newest conversation that can still take a message; a resolved one reopens when the customer writes. */
    private Optional<Conversation> current(Tenant t, VisitorToken visitor) {
        return conversations.ofCustomer(t.tenantId(), visitor.customerId(), 20).stream()
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

    private static String trimmed(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String s = name.strip();
        return s.length() > MAX_NAME ? s.substring(0, MAX_NAME) : s;
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
