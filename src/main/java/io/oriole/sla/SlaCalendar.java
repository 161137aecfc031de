package io.oriole.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import io.oriole.sla.model.BusinessCalendar;

/** A tenant's named business-hours calendar, as stored and edited. */
public record SlaCalendar(long id, String name, ZoneId zone, Map<DayOfWeek, WorkingHours> week,
        Set<LocalDate> holidays) {

    public BusinessCalendar toBusinessCalendar() {
        return BusinessCalendar.of(zone, week, holidays);
    }
}
