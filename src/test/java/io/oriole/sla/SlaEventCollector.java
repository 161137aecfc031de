package io.oriole.sla;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/** Collects every SLA event published on any thread (the scheduled scanner's included). */
@TestComponent
public class SlaEventCollector {

    private final List<SlaEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(SlaEvent event) {
        events.add(event);
    }

    public <T extends SlaEvent> List<T> of(Class<T> type, long conversationId) {
        return events.stream().filter(type::isInstance).map(type::cast)
                .filter(e -> e.conversationId() == conversationId).toList();
    }
}
