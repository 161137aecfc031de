package io.oriole.routing;

import java.time.Duration;

/** A tenant's routing options: the policy by name, how long an offer waits, and whether offers accept themselves. */
public record RoutingSettings(String policy, Duration offerTimeout, boolean autoAccept) {

    public static final RoutingSettings DEFAULTS = new RoutingSettings("sla-aware", Duration.ofSeconds(30), false);
}
