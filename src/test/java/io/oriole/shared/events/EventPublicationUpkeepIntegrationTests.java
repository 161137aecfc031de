package io.oriole.shared.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.oriole.support.MutableClock;
import io.oriole.support.OrioleIntegrationTest;

/**
 * The registry forgets nothing and keeps nothing forever: a listener that threw gets its event again, and
 * completed publications are deleted once they are older than {@code oriole.events.keep-completed} (here zero, on
 * the registry's clock, which is the application's).
 */
@OrioleIntegrationTest
@TestPropertySource(properties = "oriole.events.keep-completed=PT0S")
@Import(EventPublicationUpkeepIntegrationTests.FlakyListener.class)
class EventPublicationUpkeepIntegrationTests {

    @Autowired
    EventPublicationUpkeep upkeep;
    @Autowired
    FlakyListener listener;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @Test
    void listenerThatThrewIsHandedItsEventAgainUntilItSucceeds() {
        String marker = "fails-once-" + UUID.randomUUID();
        publish(marker);
        await().until(() -> rows(marker, "completion_date IS NULL AND status = 'FAILED'") == 1);

        upkeep.redeliverFailed();

        await().until(() -> rows(marker, "completion_date IS NOT NULL") == 1);
        assertThat(listener.deliveries(marker)).isEqualTo(2);
    }

    @Test
    void completedPublicationsArePurged() {
        String marker = "succeeds-" + UUID.randomUUID();
        publish(marker);
        await().until(() -> rows(marker, "completion_date IS NOT NULL") == 1);
        clock.advance(Duration.ofSeconds(1));

        upkeep.purgeCompleted();

        assertThat(rows(marker, "1 = 1")).isZero();
        assertThat(listener.deliveries(marker)).isEqualTo(1);
    }

    @Test
    void purgeKeepsWhatIsStillToBeDelivered() {
        String marker = "fails-once-" + UUID.randomUUID();
        publish(marker);
        await().until(() -> rows(marker, "status = 'FAILED'") == 1);
        clock.advance(Duration.ofSeconds(1));

        upkeep.purgeCompleted();

        assertThat(rows(marker, "completion_date IS NULL")).isEqualTo(1);
    }

    private void publish(String marker) {
        tx.executeWithoutResult(s -> events.publishEvent(new UpkeepProbe(marker)));
    }

    private long rows(String marker, String condition) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE event_type = :type AND serialized_event LIKE :m AND "
                + condition).param("type", UpkeepProbe.class.getName()).param("m", "%" + marker + "%")
                .query(Long.class).single();
    }

    record UpkeepProbe(String marker) {
    }

    /** Throws on the first delivery of a {@code fails-once-…} event, as a listener hit by a passing fault would. */
    @TestComponent
    static class FlakyListener {

        private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

        @ModuleListener("customerEventExecutor")
        void on(UpkeepProbe probe) {
            int delivery = deliveries.computeIfAbsent(probe.marker(), m -> new AtomicInteger()).incrementAndGet();
            if (probe.marker().startsWith("fails-once-") && delivery == 1) {
                throw new IllegalStateException("a passing fault");
            }
        }

        int deliveries(String marker) {
            AtomicInteger n = deliveries.get(marker);
            return n == null ? 0 : n.get();
        }
    }
}
