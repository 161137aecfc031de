package io.oriole.cluster;

/**
 * Another node changed something this node keeps a copy of: {@code topic} says what (for example
 * {@code knowledge.entry}), {@code key} which one within the tenant, or is empty for all of it. Published as an
 * application event on every node except the one that announced it; listeners re-read the database.
 */
public record RemoteChange(String topic, long tenantId, String key) {

    public RemoteChange {
        key = key == null ? "" : key;
    }
}
