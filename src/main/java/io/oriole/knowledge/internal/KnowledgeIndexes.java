package io.oriole.knowledge.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.oriole.knowledge.EntryStatus;
import io.oriole.knowledge.KnowledgeChanged;
import io.oriole.knowledge.model.HybridRanking;
import io.oriole.triage.model.Embedder;

/**
 * The search index of every tenant on this node, built from the database on first use and kept current by
 * {@link KnowledgeChanged} after each commit. Another node learns of an edit when it rebuilds (the event
 * publication registry does not fan out across nodes); see docs/knowledge-and-bot.md.
 */
@Component
public class KnowledgeIndexes {

    private final KnowledgeStore store;
    private final Embedder embedder;
    private final Map<Long, TenantIndex> byTenant = new ConcurrentHashMap<>();

    KnowledgeIndexes(KnowledgeStore store, Embedder embedder) {
        this.store = store;
        this.embedder = embedder;
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

    /** Runs after the edit commits, on the editing thread: the next search already sees it. */
    @TransactionalEventListener
    void on(KnowledgeChanged event) {
        TenantIndex index = byTenant.get(event.tenantId());
        if (index == null) {
            return;
        }
        store.find(event.tenantId(), event.entryId()).ifPresentOrElse(e -> {
            if (e.status() == EntryStatus.PUBLISHED) {
                index.put(e);
            }
            else {
                index.remove(e.id());
            }
        }, () -> index.remove(event.entryId()));
    }
}
