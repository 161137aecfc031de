/**
 * Agents: the staff who answer customers, with their tier (L1-L3), departments, skills and capacity.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agent")
package io.oriole.agent;
