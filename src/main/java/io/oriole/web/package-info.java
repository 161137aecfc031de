/**
 * The faces of Oriole: the agent workspace and admin console (Thymeleaf + htmx), the customer chat widget, the REST
 * API under /api/v1 and the WebSocket live updates. Calls the other modules' APIs; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package io.oriole.web;
