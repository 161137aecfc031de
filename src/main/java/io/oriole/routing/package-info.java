/**
 * Routing: decides who handles each conversation and when. Triaged conversations join the tenant's queue that
 * matches them, a pluggable {@code RoutingPolicy} orders the waiting work, the best available agent is offered
 * each item (accept, decline, or time out to the next agent), and every decision is kept with its reasons. Claims
 * are atomic, so several workers and nodes never offer one conversation twice or fill an agent beyond capacity.
 * Transfers, escalations L1 → L2 → L3 and invitations of specialists also pass through here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing")
package io.oriole.routing;
