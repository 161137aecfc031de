/**
 * Routing's framework-free model: the order of waiting work ({@link io.oriole.routing.model.RoutingPolicy}
 * with {@code fifo}, {@code priority} and {@code sla-aware}), the choice of agent with readable
 * reasons ({@link io.oriole.routing.model.AgentSelector}), whole-queue dispatch, learned handling
 * times and the customer's estimated wait. Plain Java, so the production service and the routing
 * simulator run the very same decisions.
 */
@org.springframework.modulith.NamedInterface("model")
package io.oriole.routing.model;
