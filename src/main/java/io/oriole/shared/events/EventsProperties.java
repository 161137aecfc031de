package io.oriole.shared.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the event publication registry is kept.
 *
 * @param keepCompleted how long a completed publication stays in {@code event_publication} before it is purged
 * @param purgeEvery how often completed publications older than {@code keepCompleted} are deleted
 * @param redeliverEvery how often failed or stale publications (a listener threw, a node died mid-way, a queue was
 *        full) are handed to their listener again
 * @param redeliverWithin publications older than this are no longer redelivered on their own; they stay failed in
 *        the table for an operator to look at
 */
@ConfigurationProperties("oriole.events")
public record EventsProperties(Duration keepCompleted, Duration purgeEvery, Duration redeliverEvery,
        Duration redeliverWithin) {

    public EventsProperties {
        keepCompleted = keepCompleted == null ? Duration.ofHours(1) : keepCompleted;
        purgeEvery = purgeEvery == null ? Duration.ofMinutes(5) : purgeEvery;
        redeliverEvery = redeliverEvery == null ? Duration.ofSeconds(30) : redeliverEvery;
        redeliverWithin = redeliverWithin == null ? Duration.ofDays(1) : redeliverWithin;
    }
}
