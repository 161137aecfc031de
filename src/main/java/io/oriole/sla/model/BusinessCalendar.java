package io.oriole.sla.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.oriole.sla.WorkingHours;

/**
 * Working hours per weekday, holidays and a time zone: the time that counts towards a target.
 * <p>
 * Each working day is one window of local wall-clock time, converted to instants day by day in the
 * calendar's zone. So a deadline that falls after a weekend on which clocks changed still lands at the
 * promised local time: in {@code Europe/Berlin}, two working hours from Friday 17:00 (09:00–18:00) is
 * Monday 10:00 local, whether or not the clocks moved on Sunday. A window that contains a transition
 * counts its real elapsed time, which is what the customer actually waits.
 * <p>
 * Worked example (Asia/Shanghai, Mon–Fri 09:00–18:00, holiday 2026-10-01): four working hours from
 * Wednesday 2026-09-30 16:00 are two hours on Wednesday and two on Friday (Thursday is a holiday), so the
 * deadline is Friday 11:00.
 */
public final class BusinessCalendar {

    private static final int MAX_DAYS_SEARCHED = 3 * 366;

    private final ZoneId zone;
    private final Map<DayOfWeek, WorkingHours> week;
    private final Set<LocalDate> holidays;
    private final boolean allHours;

    private BusinessCalendar(ZoneId zone, Map<DayOfWeek, WorkingHours> week, Set<LocalDate> holidays, boolean allHours) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.week = Collections.unmodifiableMap(week.isEmpty() ? new EnumMap<>(DayOfWeek.class) : new EnumMap<>(week));
        this.holidays = Collections.unmodifiableSet(new TreeSet<>(holidays));
        this.allHours = allHours;
    }

    /** Every minute counts: 24x7, no holidays. */
    public static BusinessCalendar allHours(ZoneId zone) {
        return new BusinessCalendar(zone, Map.of(), Set.of(), true);
    }

    /**
     * @throws IllegalArgumentException when no weekday has working hours (no deadline could ever be reached)
     */
    public static BusinessCalendar of(ZoneId zone, Map<DayOfWeek, WorkingHours> week, Set<LocalDate> holidays) {
        if (week.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs working hours on at least one weekday");
        }
        return new BusinessCalendar(zone, week, holidays, false);
    }

    /** Monday to Friday with the same window every day. */
    public static BusinessCalendar weekdays(ZoneId zone, LocalTime open, LocalTime close, Set<LocalDate> holidays) {
        Map<DayOfWeek, WorkingHours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
                week.put(d, new WorkingHours(open, close));
            }
        }
        return of(zone, week, holidays);
    }

    public ZoneId zone() {
        return zone;
    }

    public Map<DayOfWeek, WorkingHours> week() {
        return week;
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    public boolean isAllHours() {
        return allHours;
    }

    /** The instant at which {@code amount} of working time has passed since {@code start}. */
    public Instant plusWorkingTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        if (allHours) {
            return start.plus(amount);
        }
        Duration left = amount;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS_SEARCHED; i++, day = day.plusDays(1)) {
            Instant[] w = window(day);
            if (w == null || !w[1].isAfter(start)) {
                continue;
            }
            Instant from = w[0].isAfter(start) ? w[0] : start;
            Duration available = Duration.between(from, w[1]);
            if (left.isZero()) {
                return from;
            }
            if (available.compareTo(left) >= 0) {
                return from.plus(left);
            }
            left = left.minus(available);
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS_SEARCHED + " days of " + start);
    }

    /** Working time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (allHours) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            Instant[] w = window(day);
            if (w == null) {
                continue;
            }
            Instant a = w[0].isAfter(from) ? w[0] : from;
            Instant b = w[1].isBefore(to) ? w[1] : to;
            if (b.isAfter(a)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }

    /** Whether the instant lies inside working hours. */
    public boolean isWorking(Instant instant) {
        if (allHours) {
            return true;
        }
        Instant[] w = window(instant.atZone(zone).toLocalDate());
        return w != null && !instant.isBefore(w[0]) && instant.isBefore(w[1]);
    }

    private Instant[] window(LocalDate day) {
        if (holidays.contains(day)) {
            return null;
        }
        WorkingHours w = week.get(day.getDayOfWeek());
        if (w == null) {
            return null;
        }
        // ZonedDateTime.of moves a local time inside a spring-forward gap to the later offset, and picks the
        // earlier offset in an autumn overlap: both the natural reading of "opens at 02:30".
        return new Instant[] { ZonedDateTime.of(day, w.open(), zone).toInstant(),
                ZonedDateTime.of(day, w.close(), zone).toInstant() };
    }
}
