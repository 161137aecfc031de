package io.oriole.sla;

import java.time.LocalTime;
import java.util.Objects;

/** One day's working window in local wall-clock time; {@code open} before {@code close}. */
public record WorkingHours(LocalTime open, LocalTime close) {

    public WorkingHours {
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(close, "close");
        if (!open.isBefore(close)) {
            throw new IllegalArgumentException("working hours must open before they close: " + open + "-" + close);
        }
    }
}
