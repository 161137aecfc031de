package io.oriole.sla.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.oriole.agent.Tier;
import io.oriole.conversation.ConversationStatus;
import io.oriole.sla.SlaFactKind;
import io.oriole.sla.SlaMetric;

/**
 * The SLA clocks of one conversation: what has happened (opened, answered, waiting since, paused, escalated) and
 * which warnings and breaches are already recorded. Every method takes the moment it happened and the
 * {@link Terms} in force and returns the facts to record; the state it keeps is exactly what is stored, so
 * deadlines can always be recomputed from it when the priority or the policy changes.
 * <p>
 * Worked example (P1 policy: first response 15 min around the clock, warn at 60 %, remind every 2 min, escalate to
 * L2 on breach with L2 to join within 10 min): opened 10:00; a scan at 10:09 records the warning; 10:11 and 10:13
 * remind the owner; 10:15 records the breach and escalates to L2, starting the L2 clock due 10:25; an L2 agent
 * taking the conversation at 10:20 fulfils that clock in time. Events that arrive out of order or twice change
 * nothing twice: a customer message older than the last reply opens no new round.
 */
public final class ConversationClock {

    private Instant openedAt;
    private ConversationStatus status = ConversationStatus.OPEN;
    private Instant firstResponseAt;
    private Instant lastReplyAt;
    private Instant awaitingSince;
    private int responseCycle;
    private int remindersSent;
    private Instant resolutionStart;
    private int resolutionCycle;
    private Instant pausedSince;
    private Duration pausedWorking = Duration.ZERO;
    private int escalationLevel = 1;
    private Instant l2Since;
    private Instant l3Since;
    private Tier assigneeTier;
    private final Set<SlaMetric> warned = EnumSet.noneOf(SlaMetric.class);
    private final Set<SlaMetric> breached = EnumSet.noneOf(SlaMetric.class);
    private final Set<SlaMetric> done = EnumSet.noneOf(SlaMetric.class);

    private ConversationClock() {
    }

    /** A new clock for a conversation opened at {@code openedAt}; its first customer message is awaiting. */
    public static ConversationClock opened(Instant openedAt) {
        ConversationClock c = new ConversationClock();
        c.openedAt = openedAt;
        c.resolutionStart = openedAt;
        return c;
    }

    /** Everything a stored clock holds, for {@link #restore}. */
    public record Snapshot(Instant openedAt, ConversationStatus status, Instant firstResponseAt, Instant lastReplyAt,
            Instant awaitingSince, int responseCycle, int remindersSent, Instant resolutionStart,
            int resolutionCycle, Instant pausedSince, Duration pausedWorking, int escalationLevel, Instant l2Since,
            Instant l3Since, Tier assigneeTier, Set<SlaMetric> warned, Set<SlaMetric> breached,
            Set<SlaMetric> done) {
    }

    public static ConversationClock restore(Snapshot s) {
        ConversationClock c = new ConversationClock();
        c.openedAt = s.openedAt();
        c.status = s.status();
        c.firstResponseAt = s.firstResponseAt();
        c.lastReplyAt = s.lastReplyAt();
        c.awaitingSince = s.awaitingSince();
        c.responseCycle = s.responseCycle();
        c.remindersSent = s.remindersSent();
        c.resolutionStart = s.resolutionStart();
        c.resolutionCycle = s.resolutionCycle();
        c.pausedSince = s.pausedSince();
        c.pausedWorking = s.pausedWorking() == null ? Duration.ZERO : s.pausedWorking();
        c.escalationLevel = s.escalationLevel();
        c.l2Since = s.l2Since();
        c.l3Since = s.l3Since();
        c.assigneeTier = s.assigneeTier();
        c.warned.addAll(s.warned());
        c.breached.addAll(s.breached());
        c.done.addAll(s.done());
        return c;
    }

    public Snapshot snapshot() {
        return new Snapshot(openedAt, status, firstResponseAt, lastReplyAt, awaitingSince, responseCycle,
                remindersSent, resolutionStart, resolutionCycle, pausedSince, pausedWorking, escalationLevel, l2Since,
                l3Since, assigneeTier, copy(warned), copy(breached), copy(done));
    }

    // --- what happened ---

    /** A customer message arrived; after an answer it opens a new next-response round. */
    public List<SlaFact> customerWrote(Instant at) {
        if (firstResponseAt == null || awaitingSince != null || (lastReplyAt != null && !at.isAfter(lastReplyAt))) {
            return List.of();
        }
        awaitingSince = at;
        responseCycle++;
        remindersSent = 0;
        warned.remove(SlaMetric.NEXT_RESPONSE);
        breached.remove(SlaMetric.NEXT_RESPONSE);
        return List.of();
    }

    /** An agent answered: the pending response metric is fulfilled, in time or late. */
    public List<SlaFact> agentReplied(Instant at, Terms terms) {
        List<SlaFact> facts = new ArrayList<>();
        if (firstResponseAt == null) {
            Instant due = dueOf(SlaMetric.FIRST_RESPONSE, terms);
            firstResponseAt = at;
            remindersSent = 0;
            if (due != null) {
                facts.add(fulfilled(SlaMetric.FIRST_RESPONSE, 0, due, at));
            }
        }
        else if (awaitingSince != null && !at.isBefore(awaitingSince)) {
            Instant due = dueOf(SlaMetric.NEXT_RESPONSE, terms);
            awaitingSince = null;
            remindersSent = 0;
            if (due != null) {
                facts.add(fulfilled(SlaMetric.NEXT_RESPONSE, responseCycle, due, at));
            }
        }
        if (lastReplyAt == null || at.isAfter(lastReplyAt)) {
            lastReplyAt = at;
        }
        return facts;
    }

    /** The status moved: pausing statuses stop the resolution clock, leaving them starts it again. */
    public List<SlaFact> statusChanged(ConversationStatus to, Instant at, Terms terms) {
        List<SlaFact> facts = new ArrayList<>();
        ConversationStatus from = status;
        if (from == to) {
            return facts;
        }
        boolean wasActive = from.isActive();
        Instant resolutionDue = dueOf(SlaMetric.RESOLUTION, terms);
        status = to;
        if (!to.isActive()) {
            if (wasActive) {
                Instant due = resolutionDue;
                resume(at, terms, facts, false);
                if (due != null && !done.contains(SlaMetric.RESOLUTION)) {
                    facts.add(fulfilled(SlaMetric.RESOLUTION, resolutionCycle, due, at));
                }
                // Nothing is owed on a resolved conversation: no response, no escalation clock keeps running.
                awaitingSince = null;
                done.add(SlaMetric.RESOLUTION);
                done.add(SlaMetric.L2_JOIN);
                done.add(SlaMetric.L3_JOIN);
            }
            return facts;
        }
        if (!wasActive) {
            resolutionCycle++;
            resolutionStart = at;
            pausedWorking = Duration.ZERO;
            pausedSince = null;
            warned.remove(SlaMetric.RESOLUTION);
            breached.remove(SlaMetric.RESOLUTION);
            done.remove(SlaMetric.RESOLUTION);
        }
        boolean pauses = terms != null && terms.policy().pauseStatuses().contains(to);
        if (pauses && pausedSince == null) {
            pausedSince = at;
            facts.add(SlaFact.of(SlaFactKind.PAUSED, SlaMetric.RESOLUTION, resolutionCycle, null, at));
        }
        else if (!pauses) {
            resume(at, terms, facts, true);
        }
        return facts;
    }

    private void resume(Instant at, Terms terms, List<SlaFact> facts, boolean announce) {
        if (pausedSince == null) {
            return;
        }
        BusinessCalendar calendar = terms == null ? null : terms.calendar();
        Duration paused = calendar == null ? Duration.between(pausedSince, at)
                : calendar.workingTimeBetween(pausedSince, at);
        pausedWorking = pausedWorking.plus(paused);
        pausedSince = null;
        if (announce) {
            facts.add(SlaFact.of(SlaFactKind.RESUMED, SlaMetric.RESOLUTION, resolutionCycle,
                    dueOf(SlaMetric.RESOLUTION, terms), at));
        }
    }

    /** Someone new owns the conversation; a senior enough owner fulfils the escalation's tier clocks. */
    public List<SlaFact> assigned(Tier tier, Instant at, Terms terms) {
        assigneeTier = tier;
        List<SlaFact> facts = new ArrayList<>();
        if (tier == null) {
            return facts;
        }
        joinIfSenior(SlaMetric.L2_JOIN, l2Since, Tier.L2, tier, at, terms, facts);
        joinIfSenior(SlaMetric.L3_JOIN, l3Since, Tier.L3, tier, at, terms, facts);
        return facts;
    }

    private void joinIfSenior(SlaMetric metric, Instant since, Tier needed, Tier tier, Instant at, Terms terms,
            List<SlaFact> facts) {
        if (since != null && !done.contains(metric) && tier.compareTo(needed) >= 0) {
            Instant due = dueOf(metric, terms);
            done.add(metric);
            if (due != null) {
                facts.add(fulfilled(metric, 0, due, at));
            }
        }
    }

    /**
     * What is due at {@code now}: warnings, one reminder per overdue interval at most, breaches, and the
     * escalations they trigger. Running it twice at the same moment returns nothing the second time.
     */
    public List<SlaFact> scan(Instant now, Terms terms) {
        List<SlaFact> facts = new ArrayList<>();
        if (terms == null) {
            return facts;
        }
        for (SlaMetric metric : SlaMetric.values()) {
            Instant start = startOf(metric);
            if (start == null || terms.policy().target(metric) == null) {
                continue;
            }
            Duration extra = extraOf(metric);
            Instant due = terms.due(start, metric, extra);
            Instant warnAt = terms.warnAt(start, metric, extra);
            int cycle = cycleOf(metric);
            boolean breachedNow = false;
            if (!warned.contains(metric) && !now.isBefore(warnAt)) {
                warned.add(metric);
                facts.add(SlaFact.of(SlaFactKind.WARNING, metric, cycle, due, now));
                if (terms.policy().escalation().trigger() == io.oriole.sla.EscalationTrigger.WARNING
                        && !metric.isTierClock()) {
                    escalate(now, terms, facts);
                }
            }
            if (!breached.contains(metric) && !now.isBefore(due)) {
                breached.add(metric);
                breachedNow = true;
                facts.add(SlaFact.of(SlaFactKind.BREACHED, metric, cycle, due, now));
                boolean ladder = metric.isTierClock()
                        || terms.policy().escalation().trigger() == io.oriole.sla.EscalationTrigger.BREACH;
                if (ladder) {
                    escalate(now, terms, facts);
                }
            }
            Instant reminder = nextReminder(metric, warnAt, terms);
            if (reminder != null && !now.isBefore(reminder)) {
                Duration every = terms.policy().reminderEvery();
                int elapsed = (int) (Duration.between(warnAt, now).toMillis() / every.toMillis());
                remindersSent = Math.max(remindersSent + 1, elapsed);
                if (!breachedNow) {
                    facts.add(new SlaFact(SlaFactKind.REMINDER, metric, cycle, remindersSent, due, now, null, null,
                        false));
                }
            }
        }
        return facts;
    }

    private void escalate(Instant now, Terms terms, List<SlaFact> facts) {
        int owner = assigneeTier == null ? 1 : assigneeTier.ordinal() + 1;
        int next = Math.min(3, Math.max(escalationLevel, owner) + 1);
        if (next <= escalationLevel) {
            return;
        }
        escalationLevel = next;
        Tier target = next == 2 ? Tier.L2 : Tier.L3;
        if (next == 2) {
            l2Since = now;
        }
        else {
            l3Since = now;
            // L3 is called in: the L2 rung no longer has a clock of its own.
            if (l2Since != null) {
                done.add(SlaMetric.L2_JOIN);
            }
        }
        SlaMetric clock = next == 2 ? SlaMetric.L2_JOIN : SlaMetric.L3_JOIN;
        Instant joinDue = terms.policy().target(clock) == null ? null : terms.due(now, clock, Duration.ZERO);
        facts.add(new SlaFact(SlaFactKind.ESCALATED, clock, 0, 0, joinDue, now, null, target, next == 3));
    }

    private Instant nextReminder(SlaMetric metric, Instant warnAt, Terms terms) {
        Duration every = terms.policy().reminderEvery();
        if (every == null || !metric.isResponse() || !warned.contains(metric)) {
            return null;
        }
        return warnAt.plus(every.multipliedBy(remindersSent + 1L));
    }

    // --- deadlines ---

    /** The deadlines now in force; {@link Deadlines#NONE} without a policy. */
    public Deadlines deadlines(Terms terms) {
        if (terms == null) {
            return Deadlines.NONE;
        }
        Map<SlaMetric, Instant> due = new EnumMap<>(SlaMetric.class);
        Map<SlaMetric, Instant> warn = new EnumMap<>(SlaMetric.class);
        Instant earliest = null;
        Instant next = null;
        for (SlaMetric metric : SlaMetric.values()) {
            Instant start = startOf(metric);
            if (start == null || terms.policy().target(metric) == null) {
                continue;
            }
            Duration extra = extraOf(metric);
            Instant d = terms.due(start, metric, extra);
            Instant w = terms.warnAt(start, metric, extra);
            due.put(metric, d);
            warn.put(metric, w);
            earliest = min(earliest, d);
            if (!warned.contains(metric)) {
                next = min(next, w);
            }
            next = min(next, nextReminder(metric, w, terms));
            if (!breached.contains(metric)) {
                next = min(next, d);
            }
        }
        return new Deadlines(due, warn, earliest, next);
    }

    private Instant dueOf(SlaMetric metric, Terms terms) {
        Instant start = startOf(metric);
        if (terms == null || start == null || terms.policy().target(metric) == null) {
            return null;
        }
        return terms.due(start, metric, extraOf(metric));
    }

    /** When the metric's clock started, or null when it is not running. */
    private Instant startOf(SlaMetric metric) {
        boolean active = status.isActive();
        return switch (metric) {
            case FIRST_RESPONSE -> active && firstResponseAt == null ? openedAt : null;
            case NEXT_RESPONSE -> active && firstResponseAt != null ? awaitingSince : null;
            case RESOLUTION -> active && pausedSince == null && !done.contains(metric) ? resolutionStart : null;
            case L2_JOIN -> active && !done.contains(metric) ? l2Since : null;
            case L3_JOIN -> active && !done.contains(metric) ? l3Since : null;
        };
    }

    private Duration extraOf(SlaMetric metric) {
        return metric == SlaMetric.RESOLUTION ? pausedWorking : Duration.ZERO;
    }

    private int cycleOf(SlaMetric metric) {
        return switch (metric) {
            case NEXT_RESPONSE -> responseCycle;
            case RESOLUTION -> resolutionCycle;
            default -> 0;
        };
    }

    private SlaFact fulfilled(SlaMetric metric, int cycle, Instant due, Instant at) {
        return new SlaFact(SlaFactKind.FULFILLED, metric, cycle, 0, due, at, !at.isAfter(due), null, false);
    }

    // --- reading ---

    public boolean isPaused() {
        return pausedSince != null;
    }

    public int escalationLevel() {
        return escalationLevel;
    }

    public ConversationStatus status() {
        return status;
    }

    public Set<SlaMetric> breached() {
        return copy(breached);
    }

    private static Set<SlaMetric> copy(Set<SlaMetric> s) {
        return s.isEmpty() ? EnumSet.noneOf(SlaMetric.class) : EnumSet.copyOf(s);
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
