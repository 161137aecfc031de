/**
 * SLA: every conversation carries the response-time promises of the first tenant policy it matches (first response,
 * next response, resolution, on a business-hours calendar), with deadlines stored per conversation and recomputed
 * on every message, reply, status, priority and policy change; a scanner acts on them exactly once across nodes:
 * warnings, reminders, breaches and the L1 → L2 → L3 escalation ladder, each announced as an event. Framework-free
 * rules live in {@code model}; routing reads deadlines through {@link io.oriole.sla.SlaManagement} and listens to
 * {@link io.oriole.sla.SlaEscalated}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA")
package io.oriole.sla;
