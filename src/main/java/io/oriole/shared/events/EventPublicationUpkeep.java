package io.oriole.shared.events;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Keeps the event publication registry small and nothing in it forgotten, on every node (both jobs are safe to run
 * concurrently: a purge deletes by age, and a redelivery claims each publication atomically before handing it on).
 * <ul>
 * <li>Completed publications are purged after {@code oriole.events.keep-completed}.</li>
 * <li>Failed publications are redelivered: a listener that threw, and those the registry's staleness check has
 * failed because they stayed published or processing too long (a node killed mid-way, a full queue). Listeners are
 * idempotent, so a redelivery of something that did in fact finish changes nothing.</li>
 * </ul>
 */
@Component
class EventPublicationUpkeep implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(EventPublicationUpkeep.class);

    private final CompletedEventPublications completed;
    private final FailedEventPublications failed;
    private final EventsProperties settings;
    private final Clock clock;

    EventPublicationUpkeep(CompletedEventPublications completed, FailedEventPublications failed,
            EventsProperties settings, Clock clock) {
        this.completed = completed;
        this.failed = failed;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::purgeCompleted, settings.purgeEvery(), settings.purgeEvery()));
        tasks.addFixedDelayTask(new FixedDelayTask(this::redeliverFailed, settings.redeliverEvery(),
                settings.redeliverEvery()));
    }

    void purgeCompleted() {
        completed.deletePublicationsOlderThan(settings.keepCompleted());
    }

    void redeliverFailed() {
        var oldest = clock.instant().minus(settings.redeliverWithin());
        try {
            failed.resubmit(ResubmissionOptions.defaults().withBatchSize(500).withMaxInFlight(1_000)
                    .withFilter(p -> p.getPublicationDate().isAfter(oldest)));
        }
        catch (RuntimeException e) {
            log.warn("redelivering failed event publications: {}", e.toString());
        }
    }
}
