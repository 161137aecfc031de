/**
 * Simulation: replays a recorded stream of calls or conversations through the production routing
 * model ({@code routing.model}: the same policies, agent choice and capacity rules) on a simulated
 * clock, and reports what customers would have experienced under each policy and staffing, next
 * to what they did experience. Runs as the {@code simulate} subcommand, without Spring, and in-process for
 * the supervisors' what-if page through {@link io.oriole.simulation.WhatIf}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Simulation", allowedDependencies = "routing :: model")
package io.oriole.simulation;
