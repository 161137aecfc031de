package io.oriole.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A flood of widget customers against running Oriole nodes, speaking exactly what the widget and the workspace
 * speak: visitors open a session, hold the widget's WebSocket, send messages with a client id (retried with the same
 * id, as {@code widget-chat.js} does) and fetch after every push; agents sign in through the login form, hold the
 * workspace socket, send the presence heartbeat, accept their offers from the offers panel, read and answer their
 * conversations through the workspace endpoints and refresh the inbox on pushes (at most once a second, with a
 * trailing refresh, as {@code workspace.js} does).
 * <p>
 * It provisions its own tenant through the platform operator API, so it needs {@code --operator-token}. At the end
 * it reads every conversation back through the REST API and counts what was acknowledged, stored, lost and
 * duplicated. Run with {@code scripts/load-test.sh}; {@code docs/benchmarks.md} has the commands and figures.
 */
public final class WidgetLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PAGE = 100;
    private static final Pattern OFFER = Pattern.compile("/workspace/offers/(\\d+)/accept");
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SEQ = Pattern.compile("data-seq=\"(\\d+)\"");
    private static final Pattern MARK = Pattern.compile("\\[(v\\d+m\\d+|a\\d+r\\d+)]");
    private static final String[] PHRASES = {
        "你好，我的订单一直没有发货，能帮我查一下吗？", "Hi, my parcel has not arrived yet, can you check?",
        "退款什么时候能到账？", "I was charged twice for the same order.", "耳机有杂音，想换一个。",
        "How do I change the delivery address?", "付款的时候一直提示错误。", "Is the blue one back in stock?",
        "发票怎么开？", "Thanks, that helps.", "我想取消订单。", "Can I speak to someone about my invoice?" };

    private final Options options;
    private final List<URI> nodes;
    private final HttpClient http;
    private final ExecutorService workers;
    private final ExecutorService io;
    private final ScheduledExecutorService timers;
    private final Random random = new Random(7);
    private final AtomicBoolean stopping = new AtomicBoolean();

    // Measurements
    private final Samples sendLatency = new Samples();
    /** Sends of the current window only, swapped out by {@link #closeWindow}, so that a long run shows its trend. */
    private volatile Samples windowSends = new Samples();
    private final List<Map<String, Object>> timeline = Collections.synchronizedList(new ArrayList<>());
    private volatile String killed;
    private final Samples toAgentPush = new Samples();
    private final Samples toOwnerVisible = new Samples();
    private final Samples toCustomerPush = new Samples();
    private final Samples toCustomerVisible = new Samples();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong replies = new AtomicLong();
    private final AtomicLong failovers = new AtomicLong();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    /** Marker of every acknowledged customer message, with its conversation once known. */
    private final Set<String> acknowledgedMarks = ConcurrentHashMap.newKeySet();
    private final Set<String> repliedMarks = ConcurrentHashMap.newKeySet();
    /** (conversation, seq) of customer messages → send start, for the push to any agent. */
    private final Map<String, Long> customerSeqSentAt = new ConcurrentHashMap<>();
    private final Map<String, Boolean> agentPushSeen = new ConcurrentHashMap<>();
    private final Map<String, Long> markSentAt = new ConcurrentHashMap<>();
    private final Map<Long, Visitor> visitorsByConversation = new ConcurrentHashMap<>();
    private final Map<Long, Agent> ownerOf = new ConcurrentHashMap<>();
    private final Map<Long, Long> ownerSince = new ConcurrentHashMap<>();
    private final Map<String, Object> serverMetrics = new LinkedHashMap<>();

    private String slug;
    private String adminToken;

    record Options(List<String> nodes, String operatorToken, int visitors, int messages, int agents, long thinkMs,
            long rampMs, int replyEvery, int agentCapacity, long drainMs, String json, long timeoutMs,
            String metricsToken, long windowMs, String killPidFile, long killAfterMs) {

        static Options parse(String[] args) {
            Map<String, String> a = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
                }
                a.put(args[i].substring(2), args[++i]);
            }
            String token = a.getOrDefault("operator-token", System.getenv("ORIOLE_PLATFORM_OPERATOR_TOKEN"));
            if (token == null) {
                throw new IllegalArgumentException("--operator-token (or ORIOLE_PLATFORM_OPERATOR_TOKEN) is required");
            }
            return new Options(List.of(a.getOrDefault("nodes", "http://localhost:8080").split(",")), token,
                    Integer.parseInt(a.getOrDefault("visitors", "1000")),
                    Integer.parseInt(a.getOrDefault("messages", "20")),
                    Integer.parseInt(a.getOrDefault("agents", "50")),
                    Long.parseLong(a.getOrDefault("think-ms", "8000")),
                    Long.parseLong(a.getOrDefault("ramp-ms", "30000")),
                    Integer.parseInt(a.getOrDefault("reply-every", "2")),
                    Integer.parseInt(a.getOrDefault("agent-capacity", "30")),
                    Long.parseLong(a.getOrDefault("drain-ms", "30000")), a.get("json"),
                    Long.parseLong(a.getOrDefault("timeout-ms", "60000")), a.get("metrics-token"),
                    Long.parseLong(a.getOrDefault("window-ms", "60000")), a.get("kill-pid-file"),
                    Long.parseLong(a.getOrDefault("kill-after-ms", "0")));
        }
    }

    WidgetLoad(Options options) {
        this.options = options;
        this.nodes = options.nodes().stream().map(URI::create).toList();
        this.workers = Executors.newFixedThreadPool(Math.max(64, Math.min(768, options.visitors() / 2 + 64)));
        this.timers = Executors.newScheduledThreadPool(4);
        // The clients' own executor is separate from the blocking workers, or a pool full of blocked sends would
        // starve the very threads that complete them.
        this.io = Executors.newCachedThreadPool();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(io).build();
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        }
        catch (IllegalArgumentException e) {
            System.err.println("load: " + e.getMessage());
            System.exit(2);
            return;
        }
        WidgetLoad load = new WidgetLoad(options);
        int code = load.run(System.out);
        System.exit(code);
    }

    int run(PrintStream out) throws Exception {
        long started = System.nanoTime();
        provision(out);
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < options.agents(); i++) {
            agents.add(new Agent(i));
        }
        parallel(agents, Agent::start);
        out.printf("%d agents signed in and online%n", agents.size());

        List<Visitor> visitors = new ArrayList<>();
        for (int i = 0; i < options.visitors(); i++) {
            visitors.add(new Visitor(i));
        }
        CountDownLatch done = new CountDownLatch(visitors.size());
        long loadStart = System.nanoTime();
        timers.scheduleAtFixedRate(() -> closeWindow(loadStart), options.windowMs(), options.windowMs(),
                TimeUnit.MILLISECONDS);
        if (options.killPidFile() != null) {
            timers.schedule(this::killNode, options.killAfterMs(), TimeUnit.MILLISECONDS);
        }
        for (Visitor v : visitors) {
            long delay = options.rampMs() * v.index / Math.max(1, visitors.size());
            timers.schedule(() -> workers.execute(() -> v.start(done)), delay, TimeUnit.MILLISECONDS);
        }
        while (!done.await(10, TimeUnit.SECONDS)) {
            out.printf("  t=%3ds sent=%d acked=%d retries=%d errors=%s p95 send so far=%.0f ms%n",
                    (System.nanoTime() - loadStart) / 1_000_000_000, sent.get(), acknowledged.get(), retries.get(),
                    errors, sendLatency.percentile(0.95));
        }
        long loadEnd = System.nanoTime();
        scrapeMetrics();
        out.printf("all visitors done after %.1f s; draining up to %d ms%n", (loadEnd - loadStart) / 1e9,
                options.drainMs());
        drain();
        stopping.set(true);
        Verification verification = verify(visitors);
        Map<String, Object> report = report(verification, (loadEnd - loadStart) / 1e9, agents);
        print(out, report);
        if (options.json() != null) {
            Files.writeString(Path.of(options.json()), JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(report));
        }
        agents.forEach(Agent::close);
        visitors.forEach(Visitor::close);
        workers.shutdownNow();
        timers.shutdownNow();
        io.shutdownNow();
        out.printf("finished in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return verification.lost == 0 && verification.duplicated == 0 ? 0 : 1;
    }

    // ---------------------------------------------------------------- set-up

    private void provision(PrintStream out) throws Exception {
        slug = "load-" + Long.toString(System.currentTimeMillis() % 10_000_000_000L, 36);
        String body = JSON.writeValueAsString(Map.of("slug", slug, "name", "Load test " + slug, "adminEmail",
                "admin@" + slug + ".test", "adminPassword", "load-test-password", "locale", "zh-CN", "timeZone",
                "Asia/Shanghai"));
        HttpResponse<String> created = call(node(0), "POST", "/platform/v1/tenants", body,
                Map.of("Authorization", "Bearer " + options.operatorToken(), "Content-Type", "application/json"));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create the tenant: " + created.statusCode() + " "
                    + created.body());
        }
        adminToken = JSON.readTree(created.body()).get("adminApiToken").asString();
        out.printf("tenant %s provisioned%n", slug);
    }

    private HttpResponse<String> api(String method, String path, Object payload) throws Exception {
        return call(node(0), method, path, payload == null ? null : JSON.writeValueAsString(payload),
                Map.of("Authorization", "Bearer " + adminToken, "Content-Type", "application/json"));
    }

    private HttpResponse<String> call(URI base, String method, String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(
                Duration.ofMillis(options.timeoutMs()));
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI node(int index) {
        return nodes.get(Math.floorMod(index, nodes.size()));
    }

    private static String mark(String body) {
        Matcher m = MARK.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private static String key(long conversationId, long seq) {
        return conversationId + ":" + seq;
    }

    private void error(String what) {
        errors.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    private <T> void parallel(List<T> items, ThrowingConsumer<T> action) throws Exception {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (T item : items) {
            all.add(CompletableFuture.runAsync(() -> {
                try {
                    action.accept(item);
                }
                catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, workers));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    }

    interface ThrowingConsumer<T> {
        void accept(T t) throws Exception;
    }

    // ---------------------------------------------------------------- agents

    /** One agent's browser: a session cookie, the workspace socket, the heartbeat, offers, replies. */
    final class Agent {

        final int index;
        final String email;
        final HttpClient client;
        int nodeIndex;
        volatile String csrf;
        volatile long agentId;
        volatile WebSocket socket;
        final Map<Long, Long> lastSeq = new ConcurrentHashMap<>();
        final Map<Long, AtomicInteger> customerMessages = new ConcurrentHashMap<>();
        final AtomicBoolean offersBusy = new AtomicBoolean();
        final AtomicBoolean offersAgain = new AtomicBoolean();
        volatile long lastInbox;
        final AtomicBoolean inboxScheduled = new AtomicBoolean();

        Agent(int index) {
            this.index = index;
            this.email = "agent" + index + "@" + "load.test";
            this.nodeIndex = index;
            this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).executor(io)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        }

        void start() throws Exception {
            HttpResponse<String> user = api("POST", "/api/v1/users", Map.of("email", email, "displayName",
                    "Agent " + index, "password", "agent-password-" + index, "role", "AGENT", "locale", "zh-CN"));
            if (user.statusCode() != 201) {
                throw new IllegalStateException("user: " + user.statusCode() + " " + user.body());
            }
            long userId = JSON.readTree(user.body()).get("id").asLong();
            HttpResponse<String> agent = api("POST", "/api/v1/agents", Map.of("userId", userId, "displayName",
                    "Agent " + index, "tier", index % 10 == 0 ? "L2" : "L1", "maxConcurrent",
                    options.agentCapacity(), "languages", List.of("zh", "en")));
            if (agent.statusCode() != 201) {
                throw new IllegalStateException("agent: " + agent.statusCode() + " " + agent.body());
            }
            agentId = JSON.readTree(agent.body()).get("id").asLong();
            signIn();
            connect();
            heartbeat();
            timers.scheduleAtFixedRate(() -> workers.execute(this::heartbeat), 20, 20, TimeUnit.SECONDS);
        }

        URI base() {
            return node(nodeIndex);
        }

        void failover() {
            nodeIndex++;
            failovers.incrementAndGet();
        }

        void signIn() throws Exception {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(base().resolve("/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF_INPUT.matcher(page.body());
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the login page");
            }
            String form = "tenant=" + slug + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                    + "&password=agent-password-" + index + "&_csrf=" + URLEncoder.encode(m.group(1),
                            StandardCharsets.UTF_8);
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(base().resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("login failed for " + email + ": " + login.statusCode());
            }
            HttpResponse<String> workspace = client.send(HttpRequest.newBuilder(base().resolve("/workspace"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher meta = CSRF_META.matcher(workspace.body());
            if (!meta.find()) {
                throw new IllegalStateException("no CSRF token on the workspace (" + workspace.statusCode() + "): "
                        + workspace.body().substring(0, Math.min(300, workspace.body().length())));
            }
            csrf = meta.group(1);
        }

        void connect() {
            if (stopping.get()) {
                return;
            }
            String ws = base().toString().replaceFirst("^http", "ws") + "/ws/agent";
            client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create(ws), new Texts(this::onPush, this::reconnect))
                    .whenComplete((s, e) -> {
                        if (e != null) {
                            error("agent socket connect");
                            reconnect();
                        }
                        else {
                            socket = s;
                        }
                    });
        }

        void reconnect() {
            if (stopping.get()) {
                return;
            }
            failover();
            timers.schedule(() -> workers.execute(this::connect), 1, TimeUnit.SECONDS);
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            try {
                return client.send(HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofMillis(
                        options.timeoutMs())).header("X-CSRF-TOKEN", csrf).header("HX-Request", "true")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            }
            catch (IOException down) {
                failover();
                throw down;
            }
        }

        HttpResponse<String> get(String path) throws Exception {
            try {
                return client.send(HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofMillis(
                        options.timeoutMs())).header("HX-Request", "true").build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            catch (IOException down) {
                failover();
                throw down;
            }
        }

        void heartbeat() {
            try {
                HttpResponse<String> r = post("/workspace/presence", "");
                if (r.statusCode() != 200) {
                    error("agent heartbeat " + r.statusCode());
                }
                else {
                    acceptOffers(r.body());
                }
            }
            catch (Exception e) {
                error("agent heartbeat " + e.getClass().getSimpleName());
            }
        }

        void onPush(String text) {
            long now = System.nanoTime();
            JsonNode push = JSON.readTree(text);
            String type = push.path("type").asString("");
            if (type.equals("hello")) {
                workers.execute(this::refreshOffers);
                return;
            }
            long conversationId = push.path("conversationId").asLong(0);
            if (type.equals("offer")) {
                if (push.path("agentId").asLong() == agentId) {
                    workers.execute(this::refreshOffers);
                }
                return;
            }
            if (type.equals("MessageReceived")) {
                String k = key(conversationId, push.path("seq").asLong());
                if (agentPushSeen.putIfAbsent(k, Boolean.TRUE) == null) {
                    Long at = customerSeqSentAt.get(k);
                    if (at != null) {
                        toAgentPush.add(now - at);
                    }
                    else {
                        earlyAgentPushes.put(k, now);
                    }
                }
            }
            inboxRefresh();
            if (ownerOf.get(conversationId) == this && push.has("seq")) {
                workers.execute(() -> fetch(conversationId));
            }
        }

        /** At most one inbox refresh a second, with a trailing one, as the workspace page does. */
        void inboxRefresh() {
            if (!inboxScheduled.compareAndSet(false, true)) {
                return;
            }
            long wait = Math.max(0, lastInbox + 1_000_000_000L - System.nanoTime());
            timers.schedule(() -> workers.execute(() -> {
                inboxScheduled.set(false);
                lastInbox = System.nanoTime();
                try {
                    HttpResponse<String> r = get("/workspace/inbox");
                    if (r.statusCode() != 200) {
                        error("agent inbox " + r.statusCode());
                    }
                }
                catch (Exception e) {
                    error("agent inbox " + e.getClass().getSimpleName());
                }
            }), wait, TimeUnit.NANOSECONDS);
        }

        void refreshOffers() {
            if (!offersBusy.compareAndSet(false, true)) {
                offersAgain.set(true);
                return;
            }
            try {
                do {
                    offersAgain.set(false);
                    HttpResponse<String> r = get("/workspace/routing");
                    if (r.statusCode() == 200) {
                        acceptOffers(r.body());
                    }
                    else {
                        error("agent offers " + r.statusCode());
                    }
                }
                while (offersAgain.get());
            }
            catch (Exception e) {
                error("agent offers " + e.getClass().getSimpleName());
            }
            finally {
                offersBusy.set(false);
            }
        }

        void acceptOffers(String panel) throws Exception {
            Matcher m = OFFER.matcher(panel);
            while (m.find()) {
                HttpResponse<String> r = post("/workspace/offers/" + m.group(1) + "/accept", "");
                if (r.statusCode() == 204) {
                    String location = r.headers().firstValue("HX-Redirect").orElse("");
                    long conversationId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
                    ownerOf.put(conversationId, this);
                    ownerSince.putIfAbsent(conversationId, System.nanoTime());
                    HttpResponse<String> page = get("/workspace/conversations/" + conversationId);
                    if (page.statusCode() != 200) {
                        error("agent conversation page " + page.statusCode());
                    }
                    else {
                        noteSeen(conversationId, page.body(), System.nanoTime());
                    }
                }
                else if (r.statusCode() != 409 && r.statusCode() != 404) {
                    error("agent accept " + r.statusCode());
                }
            }
        }

        final Map<Long, AtomicBoolean> fetching = new ConcurrentHashMap<>();
        final Map<Long, AtomicBoolean> fetchAgain = new ConcurrentHashMap<>();

        void fetch(long conversationId) {
            AtomicBoolean busy = fetching.computeIfAbsent(conversationId, k -> new AtomicBoolean());
            AtomicBoolean again = fetchAgain.computeIfAbsent(conversationId, k -> new AtomicBoolean());
            if (!busy.compareAndSet(false, true)) {
                again.set(true);
                return;
            }
            try {
                do {
                    again.set(false);
                    long after = lastSeq.getOrDefault(conversationId, 0L);
                    HttpResponse<String> r = get("/workspace/conversations/" + conversationId + "/messages?after="
                            + after);
                    if (r.statusCode() != 200) {
                        error("agent messages " + r.statusCode());
                        return;
                    }
                    noteSeen(conversationId, r.body(), System.nanoTime());
                }
                while (again.get());
            }
            catch (Exception e) {
                error("agent messages " + e.getClass().getSimpleName());
            }
            finally {
                busy.set(false);
            }
        }

        /** Records what the agent now sees and answers every n-th customer message. */
        void noteSeen(long conversationId, String html, long now) {
            Matcher seq = SEQ.matcher(html);
            long max = lastSeq.getOrDefault(conversationId, 0L);
            while (seq.find()) {
                max = Math.max(max, Long.parseLong(seq.group(1)));
            }
            lastSeq.put(conversationId, max);
            Matcher marks = MARK.matcher(html);
            while (marks.find()) {
                String mark = marks.group(1);
                if (mark.startsWith("v") && seenByOwner.add(mark)) {
                    Long at = markSentAt.get(mark);
                    Long since = ownerSince.get(conversationId);
                    // Only messages written once the agent had the conversation: before that they waited in line,
                    // which is the routing's wait, not delivery.
                    if (at != null && since != null && at > since) {
                        toOwnerVisible.add(now - at);
                    }
                    int n = customerMessages.computeIfAbsent(conversationId, k -> new AtomicInteger())
                            .incrementAndGet();
                    if (n % options.replyEvery() == 0) {
                        workers.execute(() -> reply(conversationId, n));
                    }
                }
            }
        }

        void reply(long conversationId, int n) {
            String mark = "a" + conversationId + "r" + n;
            String text = "好的，我们马上处理。 We are on it. [" + mark + "]";
            markSentAt.put(mark, System.nanoTime());
            try {
                HttpResponse<String> r = post("/workspace/conversations/" + conversationId + "/reply", "body="
                        + URLEncoder.encode(text, StandardCharsets.UTF_8));
                if (r.statusCode() / 100 != 2) {
                    error("agent reply " + r.statusCode());
                    return;
                }
                replies.incrementAndGet();
                repliedMarks.add(mark);
                fetch(conversationId);
            }
            catch (Exception e) {
                error("agent reply " + e.getClass().getSimpleName());
            }
        }

        void close() {
            WebSocket s = socket;
            if (s != null) {
                s.abort();
            }
        }
    }

    private final Set<String> seenByOwner = ConcurrentHashMap.newKeySet();
    private final Set<String> seenByCustomer = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> earlyAgentPushes = new ConcurrentHashMap<>();

    // ---------------------------------------------------------------- visitors

    /** One customer's widget: session, socket, messages with client ids, a fetch after every push. */
    final class Visitor {

        final int index;
        int nodeIndex;
        volatile String token;
        volatile long conversationId;
        /** Moved by fetches only, as widget-chat.js does; the customer's own sends are in {@link #shown}. */
        volatile long lastSeq;
        final Set<Long> shown = ConcurrentHashMap.newKeySet();
        volatile boolean waiting;
        volatile WebSocket socket;
        final AtomicBoolean fetching = new AtomicBoolean();
        final AtomicBoolean again = new AtomicBoolean();
        int sentCount;
        CountDownLatch done;

        Visitor(int index) {
            this.index = index;
            this.nodeIndex = index;
        }

        URI base() {
            return node(nodeIndex);
        }

        String api(String path) {
            return "/widget/api/" + slug + path;
        }

        HttpResponse<String> widget(String method, String path, String body) throws Exception {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            if (token != null) {
                headers.put("X-Visitor-Token", token);
            }
            try {
                return call(base(), method, api(path), body, headers);
            }
            catch (IOException down) {
                nodeIndex++;
                failovers.incrementAndGet();
                throw down;
            }
        }

        void start(CountDownLatch done) {
            this.done = done;
            try {
                for (int attempt = 0;; attempt++) {
                    try {
                        HttpResponse<String> r = widget("POST", "/session", "{\"locale\":\"zh-CN\"}");
                        if (r.statusCode() == 200) {
                            token = JSON.readTree(r.body()).get("token").asString();
                            break;
                        }
                        error("visitor session " + r.statusCode());
                    }
                    catch (IOException e) {
                        error("visitor session " + e.getClass().getSimpleName());
                    }
                    if (attempt > 20) {
                        throw new IllegalStateException("no session");
                    }
                    Thread.sleep(500);
                }
                connect();
                fetch();
                scheduleNext();
            }
            catch (Exception e) {
                error("visitor start " + e.getClass().getSimpleName());
                done.countDown();
            }
        }

        void connect() {
            if (stopping.get()) {
                return;
            }
            String ws = base().toString().replaceFirst("^http", "ws") + "/ws/widget?token="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8);
            http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create(ws), new Texts(this::onPush, this::reconnect)).whenComplete((s, e) -> {
                        if (e != null) {
                            error("visitor socket connect");
                            reconnect();
                        }
                        else {
                            socket = s;
                        }
                    });
        }

        void reconnect() {
            if (stopping.get()) {
                return;
            }
            nodeIndex++;
            failovers.incrementAndGet();
            timers.schedule(() -> workers.execute(this::connect), 1, TimeUnit.SECONDS);
        }

        void onPush(String text) {
            long now = System.nanoTime();
            JsonNode push = JSON.readTree(text);
            String type = push.path("type").asString("");
            if (type.equals("AgentReplied")) {
                String k = "r" + key(push.path("conversationId").asLong(), push.path("seq").asLong());
                replyPushAt.putIfAbsent(k, now);
            }
            // As widget-chat.js does: the line's 'queue' pushes ask only for the place in line; the hello asks for
            // everything; other pushes fetch unless they name a message already shown, and ask for the place in
            // line only while waiting.
            if (type.equals("queue")) {
                workers.execute(this::waitView);
                return;
            }
            if (type.equals("hello")) {
                workers.execute(this::fetch);
                workers.execute(this::waitView);
                return;
            }
            long seq = push.path("seq").asLong(0);
            if (seq == 0 || (seq > lastSeq && !shown.contains(seq))) {
                workers.execute(this::fetch);
            }
            if (waiting) {
                workers.execute(this::waitView);
            }
        }

        void waitView() {
            try {
                HttpResponse<String> r = widget("GET", "/wait", null);
                if (r.statusCode() != 200) {
                    error("visitor wait " + r.statusCode());
                }
                else {
                    waiting = JSON.readTree(r.body()).path("waiting").asBoolean(false);
                }
            }
            catch (Exception e) {
                error("visitor wait " + e.getClass().getSimpleName());
            }
        }

        void fetch() {
            if (!fetching.compareAndSet(false, true)) {
                again.set(true);
                return;
            }
            try {
                do {
                    again.set(false);
                    HttpResponse<String> r = widget("GET", "/conversation?after=" + lastSeq, null);
                    long now = System.nanoTime();
                    if (r.statusCode() != 200) {
                        error("visitor fetch " + r.statusCode());
                        return;
                    }
                    JsonNode view = JSON.readTree(r.body());
                    if (view.hasNonNull("conversationId") && conversationId == 0) {
                        conversationId = view.get("conversationId").asLong();
                        visitorsByConversation.put(conversationId, this);
                    }
                    for (JsonNode m : view.path("messages")) {
                        long seq = m.get("seq").asLong();
                        lastSeq = Math.max(lastSeq, seq);
                        String mark = mark(m.path("body").asString(""));
                        if (mark != null && mark.startsWith("a") && seenByCustomer.add(mark)) {
                            Long at = markSentAt.get(mark);
                            if (at != null) {
                                toCustomerVisible.add(now - at);
                            }
                            Long pushAt = replyPushAt.get("r" + key(conversationId, seq));
                            if (pushAt != null && at != null) {
                                toCustomerPush.add(pushAt - at);
                            }
                        }
                    }
                }
                while (again.get());
            }
            catch (Exception e) {
                error("visitor fetch " + e.getClass().getSimpleName());
            }
            finally {
                fetching.set(false);
            }
        }

        /** The first message opened the conversation: read its id the way the widget does, once. */
        void learnConversation() {
            try {
                HttpResponse<String> r = widget("GET", "/conversation?after=0", null);
                JsonNode view = JSON.readTree(r.body());
                if (r.statusCode() == 200 && view.hasNonNull("conversationId")) {
                    conversationId = view.get("conversationId").asLong();
                    visitorsByConversation.put(conversationId, this);
                }
            }
            catch (Exception e) {
                error("visitor fetch " + e.getClass().getSimpleName());
            }
        }

        void scheduleNext() {
            if (sentCount >= options.messages()) {
                done.countDown();
                return;
            }
            long think = sentCount == 0 ? 0 : (long) (options.thinkMs() * (0.5 + random.nextDouble()));
            timers.schedule(() -> workers.execute(this::sendOne), think, TimeUnit.MILLISECONDS);
        }

        void sendOne() {
            int n = ++sentCount;
            String mark = "v" + index + "m" + n;
            String text = PHRASES[(index + n) % PHRASES.length] + " [" + mark + "]";
            String clientId = UUID.randomUUID().toString();
            String body = "{\"clientMessageId\":\"" + clientId + "\",\"text\":\"" + text + "\"}";
            long start = System.nanoTime();
            markSentAt.put(mark, start);
            sent.incrementAndGet();
            long deadline = start + TimeUnit.MINUTES.toNanos(3);
            for (int attempt = 0; System.nanoTime() < deadline && !stopping.get(); attempt++) {
                if (attempt > 0) {
                    retries.incrementAndGet();
                    sleep(Math.min(10_000, 500L << Math.min(5, attempt - 1)));
                }
                long tryStart = System.nanoTime();
                try {
                    HttpResponse<String> r = widget("POST", "/messages", body);
                    if (r.statusCode() == 201) {
                        long now = System.nanoTime();
                        // From the first attempt: a send that needed retries took that long for its customer.
                        sendLatency.add(now - start);
                        windowSends.add(now - start);
                        acknowledged.incrementAndGet();
                        acknowledgedMarks.add(mark);
                        JsonNode view = JSON.readTree(r.body());
                        long seq = view.get("seq").asLong();
                        // The widget renders the stored message from the answer, so its seq is shown already; only a
                        // fetch moves lastSeq, or a reply stored just before this message would be skipped.
                        shown.add(seq);
                        if (conversationId == 0) {
                            learnConversation();
                        }
                        if (conversationId != 0) {
                            String k = key(conversationId, seq);
                            customerSeqSentAt.put(k, start);
                            Long early = earlyAgentPushes.remove(k);
                            if (early != null) {
                                toAgentPush.add(early - start);
                            }
                        }
                        fetch();
                        break;
                    }
                    error("send " + r.statusCode());
                    if (r.statusCode() / 100 == 4 && r.statusCode() != 409 && r.statusCode() != 429) {
                        break;
                    }
                }
                catch (Exception e) {
                    error("send " + e.getClass().getSimpleName());
                }
            }
            scheduleNext();
        }

        void close() {
            WebSocket s = socket;
            if (s != null) {
                s.abort();
            }
        }
    }

    private final Map<String, Long> replyPushAt = new ConcurrentHashMap<>();

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Collects a text frame's parts and hands whole messages on; tells when the socket is gone. */
    static final class Texts implements WebSocket.Listener {

        private final java.util.function.Consumer<String> onText;
        private final Runnable onGone;
        private final StringBuilder parts = new StringBuilder();

        Texts(java.util.function.Consumer<String> onText, Runnable onGone) {
            this.onText = onText;
            this.onGone = onGone;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                String text = parts.toString();
                parts.setLength(0);
                try {
                    onText.accept(text);
                }
                catch (RuntimeException e) {
                    // A push the harness cannot read is not the server's error; keep listening.
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            onGone.run();
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            onGone.run();
        }
    }

    // ---------------------------------------------------------------- server metrics

    private static final Pattern METRIC = Pattern.compile("^(\\w+)\\{([^}]*)\\} (\\S+)$");

    /**
     * Reads each node's event-listener lag (the last two minutes' percentiles, so read as the load ends) and its heap
     * in use from the Prometheus endpoint.
     */
    private void scrapeMetrics() {
        for (URI node : nodes) {
            Map<String, Object> perNode = new LinkedHashMap<>();
            Map<String, Map<String, Double>> lag = new java.util.TreeMap<>();
            double heap = 0;
            try {
                HttpResponse<String> r = call(node, "GET", "/actuator/prometheus", null, metricsHeaders());
                for (String line : r.body().split("\n")) {
                    Matcher m = METRIC.matcher(line);
                    if (!m.matches()) {
                        continue;
                    }
                    String name = m.group(1);
                    String labels = m.group(2);
                    double value = Double.parseDouble(m.group(3));
                    if (name.equals("oriole_events_lag_seconds") || name.equals("oriole_events_lag_seconds_max")) {
                        String listener = label(labels, "listener");
                        String q = name.endsWith("_max") ? "max" : "p" + Math.round(Double.parseDouble(
                                label(labels, "quantile")) * 100);
                        lag.computeIfAbsent(listener, k -> new LinkedHashMap<>()).put(q,
                                Math.round(value * 10_000) / 10.0);
                    }
                    if (name.equals("jvm_memory_used_bytes") && "heap".equals(label(labels, "area"))) {
                        heap += value;
                    }
                }
            }
            catch (Exception e) {
                perNode.put("error", e.toString());
            }
            perNode.put("heapUsedMiB", Math.round(heap / (1 << 20)));
            perNode.put("listenerLagMs", lag);
            serverMetrics.put(node.toString(), perNode);
        }
    }

    /**
     * One line of the run's timeline: the window's send percentiles and each node's old generation after the last
     * collection, which is what stays flat in a healthy soak while the young generation saws up and down.
     */
    private void closeWindow(long loadStart) {
        Samples window = windowSends;
        windowSends = new Samples();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("atSeconds", (System.nanoTime() - loadStart) / 1_000_000_000);
        line.put("acknowledged", acknowledged.get());
        line.put("sendMs", window.summary());
        Map<String, Object> memory = new LinkedHashMap<>();
        for (URI node : nodes) {
            try {
                HttpResponse<String> r = call(node, "GET", "/actuator/prometheus", null, metricsHeaders());
                double old = 0;
                double live = 0;
                for (String l : r.body().split("\n")) {
                    Matcher m = METRIC.matcher(l);
                    if (m.matches() && m.group(1).equals("jvm_memory_used_bytes")
                            && label(m.group(2), "id").contains("Old Gen")) {
                        old += Double.parseDouble(m.group(3));
                    }
                    if (l.startsWith("jvm_gc_live_data_size_bytes")) {
                        live = Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1));
                    }
                }
                memory.put(node.toString(), Map.of("oldGenMiB", Math.round(old / (1 << 20)), "liveAfterGcMiB",
                        Math.round(live / (1 << 20))));
            }
            catch (Exception e) {
                memory.put(node.toString(), "unreachable");
            }
        }
        line.put("memory", memory);
        timeline.add(line);
        System.out.printf("  window t=%ds acked=%d send %s memory %s%n", line.get("atSeconds"), acknowledged.get(),
                window.summary(), memory);
    }

    /** Kills a node mid-load the hard way (SIGKILL), to show that what it had acknowledged survives it. */
    private void killNode() {
        try {
            long pid = Long.parseLong(Files.readString(Path.of(options.killPidFile())).strip());
            boolean done = ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false);
            killed = "pid " + pid + (done ? " killed" : " not found") + " at " + options.killAfterMs() + " ms, "
                    + acknowledged.get() + " messages acknowledged by then";
            System.out.println("  " + killed);
        }
        catch (Exception e) {
            killed = "could not kill: " + e;
        }
    }

    private Map<String, String> metricsHeaders() {
        return options.metricsToken() == null ? Map.of()
                : Map.of("Authorization", "Bearer " + options.metricsToken());
    }

    private static String label(String labels, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(labels);
        return m.find() ? m.group(1) : "";
    }

    // ---------------------------------------------------------------- checks

    private void drain() {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.drainMs());
        while (System.nanoTime() < until) {
            long pendingToAgents = customerSeqSentAt.keySet().stream().filter(k -> !agentPushSeen.containsKey(k))
                    .count();
            long pendingReplies = repliedMarks.stream().filter(m -> !seenByCustomer.contains(m)).count();
            if (pendingToAgents == 0 && pendingReplies == 0) {
                return;
            }
            sleep(500);
        }
    }

    record Verification(long conversations, long stored, long lost, long duplicated, long gaps,
            long undeliveredToAgents, long repliesNotSeen, long repliesStored) {
    }

    private Verification verify(List<Visitor> visitors) throws Exception {
        Map<String, Integer> copies = new HashMap<>();
        long gaps = 0;
        long conversations = 0;
        Set<Long> ids = new java.util.TreeSet<>();
        for (Visitor v : visitors) {
            if (v.conversationId != 0) {
                ids.add(v.conversationId);
            }
        }
        for (long id : ids) {
            conversations++;
            List<Long> seqs = new ArrayList<>();
            long after = 0;
            for (;;) {
                HttpResponse<String> r = api("GET", "/api/v1/conversations/" + id + "/messages?after=" + after
                        + "&limit=" + PAGE, null);
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("reading conversation " + id + ": " + r.statusCode());
                }
                JsonNode page = JSON.readTree(r.body());
                JsonNode items = page.isArray() ? page : page.path("items");
                if (items.isEmpty()) {
                    break;
                }
                for (JsonNode m : items) {
                    long seq = m.get("seq").asLong();
                    seqs.add(seq);
                    after = Math.max(after, seq);
                    String mark = mark(m.path("body").asString(""));
                    if (mark != null) {
                        copies.merge(mark, 1, Integer::sum);
                    }
                }
                if (items.size() < PAGE) {
                    break;
                }
            }
            Collections.sort(seqs);
            for (int i = 0; i < seqs.size(); i++) {
                if (seqs.get(i) != i + 1) {
                    gaps++;
                    break;
                }
            }
        }
        long stored = acknowledgedMarks.stream().filter(copies::containsKey).count();
        long lost = acknowledgedMarks.size() - stored;
        long duplicated = copies.values().stream().filter(c -> c > 1).count();
        long undelivered = customerSeqSentAt.keySet().stream().filter(k -> !agentPushSeen.containsKey(k)).count();
        long repliesNotSeen = repliedMarks.stream().filter(m -> !seenByCustomer.contains(m)).count();
        long repliesStored = repliedMarks.stream().filter(copies::containsKey).count();
        return new Verification(conversations, stored, lost, duplicated, gaps, undelivered, repliesNotSeen,
                repliesStored);
    }

    private Map<String, Object> report(Verification v, double seconds, List<Agent> agents) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("date", Instant.now().toString());
        r.put("nodes", options.nodes());
        r.put("tenant", slug);
        r.put("visitors", options.visitors());
        r.put("messagesPerVisitor", options.messages());
        r.put("agents", agents.size());
        r.put("thinkMs", options.thinkMs());
        r.put("loadSeconds", Math.round(seconds * 10) / 10.0);
        r.put("sent", sent.get());
        r.put("acknowledged", acknowledged.get());
        r.put("throughputPerSecond", Math.round(acknowledged.get() / seconds * 10) / 10.0);
        r.put("stored", v.stored());
        r.put("lost", v.lost());
        r.put("duplicated", v.duplicated());
        r.put("sequenceGaps", v.gaps());
        r.put("conversations", v.conversations());
        r.put("retries", retries.get());
        r.put("failovers", failovers.get());
        Map<String, Long> errorCounts = new java.util.TreeMap<>();
        errors.forEach((k, n) -> errorCounts.put(k, n.get()));
        r.put("errors", errorCounts);
        r.put("sendMs", sendLatency.summary());
        r.put("customerToAgentPushMs", toAgentPush.summary());
        r.put("customerToOwnerVisibleMs", toOwnerVisible.summary());
        r.put("agentToCustomerPushMs", toCustomerPush.summary());
        r.put("agentToCustomerVisibleMs", toCustomerVisible.summary());
        r.put("agentReplies", replies.get());
        r.put("agentRepliesStored", v.repliesStored());
        r.put("customerMessagesNeverPushedToAgents", v.undeliveredToAgents());
        r.put("agentRepliesNeverSeenByCustomer", v.repliesNotSeen());
        r.put("server", serverMetrics);
        if (killed != null) {
            r.put("killed", killed);
        }
        r.put("timeline", timeline);
        return r;
    }

    private static void print(PrintStream out, Map<String, Object> report) {
        report.forEach((k, value) -> out.printf("%-38s %s%n", k, value));
    }

    /** Latencies in nanoseconds; percentiles by sorting, which is exact and cheap for a few hundred thousand. */
    static final class Samples {

        private final ConcurrentLinkedQueue<Long> values = new ConcurrentLinkedQueue<>();

        void add(long nanos) {
            values.add(nanos);
        }

        double percentile(double p) {
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return Double.NaN;
            }
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
        }

        Map<String, Object> summary() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("n", values.size());
            s.put("p50", round(percentile(0.50)));
            s.put("p95", round(percentile(0.95)));
            s.put("p99", round(percentile(0.99)));
            s.put("max", round(percentile(1.0)));
            return s;
        }

        private static double round(double ms) {
            return Double.isNaN(ms) ? -1 : Math.round(ms * 10) / 10.0;
        }
    }
}
