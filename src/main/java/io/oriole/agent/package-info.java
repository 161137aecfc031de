/**
 * Agents: the staff who answer customers, with their tier (L1-L3), departments, skills (with a level), capacity
 * (concurrent conversations, weighted per channel) and presence kept by the workspace heartbeat.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agent")
package io.oriole.agent;
