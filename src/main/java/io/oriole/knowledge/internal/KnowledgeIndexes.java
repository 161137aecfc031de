package io.oriole.knowledge.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.oriole.knowledge.EntryStatus;
import io.oriole.cluster.ClusterChanges;
import io.oriole.cluster.RemoteChange;
import io.oriole.knowledge.KnowledgeChanged;
import io.oriole.knowledge.model.HybridRanking;
import io.oriole.shared.AfterCommit;
import io.oriole.triage.model.Embedder;

/**
 * The search index of every tenant on this node, built from the database on first use and kept current by
 * {@link KnowledgeChanged} after each commit. With several nodes, the editing node announces the change and the
 * others re-read the entry ({@link RemoteChange}); see docs/knowledge-and-bot.md.
 */
@Component
public class KnowledgeIndexes {

    /** The announcement topic of an edited entry; the key is the entry id. */
    static final String ENTRY_CHANGED = "knowledge.entry";

    private final KnowledgeStore store;
    private final Embedder embedder;
    private final ClusterChanges cluster;
    private final Map<Long, TenantIndex> byTenant = new ConcurrentHashMap<>();

    KnowledgeIndexes(KnowledgeStore store, Embedder embedder, ClusterChanges cluster) {
        this.store = store;
        this.embedder = embedder;
        this.cluster = cluster;
    }

    public List<HybridRanking.Ranked> search(long tenantId, String question, int limit) {
        return of(tenantId).search(question, limit);
    }

    public TenantIndex of(long tenantId) {
        return byTenant.computeIfAbsent(tenantId, t -> {
            TenantIndex index = new TenantIndex(embedder);
            index.putAll(store.published(t));
            return index;
        });
    }

    /**
     * Runs after the edit commits, on the editing thread: the next search already sees it. The other nodes are told
     * so that they update their copies too. Not a transactional event listener: an in-memory index needs no entry in
     * the event publication registry (a restart rebuilds it from the database), and writing one would make the
     * committing request ask for a second connection.
     */
    @EventListener
    void on(KnowledgeChanged event) {
        AfterCommit.run(() -> {
            refresh(event.tenantId(), event.entryId());
            cluster.announce(new RemoteChange(ENTRY_CHANGED, event.tenantId(), Long.toString(event.entryId())));
        });
    }

    /** Another node edited an entry: this node's copy of the index re-reads it. */
    @EventListener
    void on(RemoteChange change) {
        if (ENTRY_CHANGED.equals(change.topic())) {
            refresh(change.tenantId(), Long.parseLong(change.key()));
        }
    }

    private void refresh(long tenantId, long entryId) {
        TenantIndex index = byTenant.get(tenantId);
        if (index == null) {
            return;
        }
        store.find(tenantId, entryId).ifPresentOrElse(e -> {
            if (e.status() == EntryStatus.PUBLISHED) {
                index.put(e);
            }
            else {
                index.remove(e.id());
            }
        }, () -> index.remove(entryId));
    }
}
