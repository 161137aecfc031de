package io.oriole.routing.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.oriole.routing.RoutingQueue;

/**
 * Picks the first of a tenant's queues (by position) whose every non-empty condition holds. For example with the
 * demo queues, a GOLD enterprise customer's billing question matches {@code vip-desk} (VIP tiers GOLD, PLATINUM)
 * before {@code billing}; a personal customer's one matches {@code billing}.
 */
public final class QueueMatcher {

    /** Used when no queue matches or the tenant has none: any agent, any skill. */
    public static final RoutingQueue GENERAL = new RoutingQueue("general", "General", Integer.MAX_VALUE, Set.of(),
            Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), "L1");

    /** The facts a queue condition can look at, upper-case except intent and language. */
    public record Facts(String category, String intent, String language, Set<String> segments, String vipTier,
            String channel) {
    }

    private QueueMatcher() {
    }

    public static RoutingQueue match(List<RoutingQueue> queues, Facts facts) {
        return queues.stream().filter(q -> matches(q, facts)).findFirst().orElse(GENERAL);
    }

    public static Optional<RoutingQueue> byCode(List<RoutingQueue> queues, String code) {
        return queues.stream().filter(q -> q.code().equals(code)).findFirst();
    }

    static boolean matches(RoutingQueue q, Facts f) {
        return accepts(q.categories(), f.category()) && accepts(q.intents(), f.intent())
                && accepts(q.languages(), f.language()) && acceptsAny(q.segments(), f.segments())
                && accepts(q.vipTiers(), f.vipTier()) && accepts(q.channels(), f.channel());
    }

    private static boolean accepts(Set<String> allowed, String value) {
        return allowed.isEmpty() || (value != null && allowed.stream().anyMatch(a -> a.equalsIgnoreCase(value)));
    }

    private static boolean acceptsAny(Set<String> allowed, Set<String> values) {
        return allowed.isEmpty() || values.stream().anyMatch(v -> accepts(allowed, v.toUpperCase(Locale.ROOT)));
    }
}
