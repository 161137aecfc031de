package io.oriole.routing.model;

import java.time.Instant;
import java.util.Comparator;

/**
 * Decides the order in which waiting work is offered to agents. Implementations are named plug-ins
 * (see {@link RoutingPolicies}); each one's Javadoc shows a worked example. The comparator puts the
 * work to serve first at the front and must be a total order, so replays are deterministic.
 */
public interface RoutingPolicy {

    /** The name used in configuration and on the command line, for example {@code sla-aware}. */
    String name();

    /** The order of waiting work as of {@code now}; first is served first. */
    Comparator<Work> order(Instant now);
}
