package io.oriole.cluster;

/**
 * Tells the other nodes that something they keep in memory changed. Call it after the change has committed, so
 * that a node re-reading the database sees it. Delivery is at most once: a node that was disconnected misses
 * announcements, which is why each in-memory copy is also rebuilt from the database when a node starts.
 */
public interface ClusterChanges {

    void announce(RemoteChange change);

    /** Whether other nodes may be listening. */
    boolean clustered();
}
