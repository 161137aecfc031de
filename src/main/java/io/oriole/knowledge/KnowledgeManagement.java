package io.oriole.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.oriole.knowledge.internal.KnowledgeFiles;
import io.oriole.knowledge.internal.KnowledgeIndexes;
import io.oriole.knowledge.internal.KnowledgeStore;
import io.oriole.knowledge.internal.QuestionGrouping;
import io.oriole.knowledge.model.QuestionSimilarity;
import io.oriole.knowledge.model.HybridRanking;
import io.oriole.tenant.TenantId;
import io.oriole.triage.model.LanguageDetector;

/**
 * Commands and queries on a tenant's knowledge base. Every edit writes the entry, a version row naming who
 * changed which fields, and announces {@link KnowledgeChanged} in one transaction; the search index picks the
 * edit up right after commit.
 */
@Service
public class KnowledgeManagement {

    public static final int MAX_PAGE = 200;

    private final KnowledgeStore store;
    private final KnowledgeIndexes indexes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    KnowledgeManagement(KnowledgeStore store, KnowledgeIndexes indexes, ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.indexes = indexes;
        this.events = events;
        this.clock = clock;
    }

    /** @throws InvalidEntryException naming the field that breaks a rule */
    @Transactional
    public KnowledgeEntry create(TenantId tenant, EntryDraft draft, String by) {
        draft.validate();
        Instant now = clock.instant();
        long id = store.insert(tenant.value(), draft, by, now);
        KnowledgeEntry entry = get(tenant, id);
        store.insertVersion(tenant.value(), entry, List.of("created"));
        events.publishEvent(new KnowledgeChanged(tenant.value(), id, 1, by, now));
        return entry;
    }

    /**
     * Replaces the entry's content; an edit that changes nothing writes nothing.
     *
     * @throws KnowledgeEntryNotFoundException for an id not in this tenant
     */
    @Transactional
    public KnowledgeEntry update(TenantId tenant, long id, EntryDraft draft, String by) {
        draft.validate();
        KnowledgeEntry before = store.lock(tenant.value(), id).orElseThrow(() -> new KnowledgeEntryNotFoundException(id));
        List<String> changed = changedFields(before, draft);
        if (changed.isEmpty()) {
            return before;
        }
        Instant now = clock.instant();
        int version = before.version() + 1;
        store.update(tenant.value(), id, draft, version, by, now);
        KnowledgeEntry after = get(tenant, id);
        store.insertVersion(tenant.value(), after, changed);
        events.publishEvent(new KnowledgeChanged(tenant.value(), id, version, by, now));
        return after;
    }

    /** Publishes or withdraws (back to draft) an entry. */
    @Transactional
    public KnowledgeEntry setStatus(TenantId tenant, long id, EntryStatus status, String by) {
        KnowledgeEntry e = get(tenant, id);
        return update(tenant, id, new EntryDraft(e.title(), e.body(), e.phrasings(), e.category(), e.language(),
                e.tags(), status), by);
    }

    public KnowledgeEntry get(TenantId tenant, long id) {
        return store.find(tenant.value(), id).orElseThrow(() -> new KnowledgeEntryNotFoundException(id));
    }

    /** Entries (drafts too) whose title, phrasings, tags or category contain {@code text}, by id. */
    public List<KnowledgeEntry> list(TenantId tenant, String text, EntryStatus status, int offset, int limit) {
        return store.list(tenant.value(), text, status, Math.max(0, offset), Math.max(1, Math.min(MAX_PAGE, limit)));
    }

    public long count(TenantId tenant) {
        return store.count(tenant.value());
    }

    /** Newest version first. */
    public List<EntryVersion> history(TenantId tenant, long id) {
        get(tenant, id);
        return store.versions(tenant.value(), id);
    }

    /**
     * Published entries that best answer {@code question}, best first, each with its confidence: the
     * {@link QuestionSimilarity} probability that the customer asked the entry's best-matching question. The bot answers from the first one; the workspace suggests them to agents.
     */
    public List<KnowledgeMatch> search(TenantId tenant, String question, int limit) {
        List<HybridRanking.Ranked> ranked = indexes.search(tenant.value(), question, Math.max(1, Math.min(50, limit)));
        var index = indexes.of(tenant.value());
        List<KnowledgeMatch> out = new ArrayList<>(ranked.size());
        for (HybridRanking.Ranked r : ranked) {
            KnowledgeEntry e = index.entry(r.entryId());
            if (e != null) {
                out.add(new KnowledgeMatch(e, r.question(), r.fused(), r.similarity()));
            }
        }
        return out;
    }

    /** Every entry as CSV (see {@code KnowledgeFiles} for the columns). */
    public byte[] exportCsv(TenantId tenant) {
        return KnowledgeFiles.toCsv(all(tenant));
    }

    /** Every entry as a zip of Markdown files, one folder per category. */
    public byte[] exportMarkdown(TenantId tenant) {
        return KnowledgeFiles.toMarkdownZip(all(tenant));
    }

    /**
     * Creates (empty id) or updates (known id) one entry per CSV row. All rows are checked first; one bad row
     * rejects the whole file and nothing is written.
     *
     * @return how many entries were created or changed
     * @throws InvalidEntryException naming the line and field
     */
    @Transactional
    public int importCsv(TenantId tenant, byte[] csv, String by) {
        return apply(tenant, KnowledgeFiles.fromCsv(csv), by);
    }

    /** Like {@link #importCsv} for a zip of Markdown files in the export's format. */
    @Transactional
    public int importMarkdown(TenantId tenant, byte[] zip, String by) {
        return apply(tenant, KnowledgeFiles.fromMarkdownZip(zip), by);
    }

    private int apply(TenantId tenant, List<KnowledgeFiles.Row> rows, String by) {
        for (KnowledgeFiles.Row row : rows) {
            if (row.id() != null && store.find(tenant.value(), row.id()).isEmpty()) {
                throw new InvalidEntryException("id", row.id() + " is not an entry of this tenant");
            }
        }
        int changed = 0;
        for (KnowledgeFiles.Row row : rows) {
            if (row.id() == null) {
                create(tenant, row.draft(), by);
                changed++;
            }
            else {
                int before = get(tenant, row.id()).version();
                if (update(tenant, row.id(), row.draft(), by).version() != before) {
                    changed++;
                }
            }
        }
        return changed;
    }

    private List<KnowledgeEntry> all(TenantId tenant) {
        List<KnowledgeEntry> out = new ArrayList<>();
        for (int offset = 0;; offset += MAX_PAGE) {
            List<KnowledgeEntry> page = store.list(tenant.value(), null, null, offset, MAX_PAGE);
            out.addAll(page);
            if (page.size() < MAX_PAGE) {
                return out;
            }
        }
    }

    /** Files a question the bot could not answer well into the unanswered-questions inbox. */
    @Transactional
    public long recordOpenQuestion(TenantId tenant, String question, OpenQuestion.Reason reason, Long conversationId,
            Long answeredEntryId) {
        String q = question.strip();
        if (q.length() > 2000) {
            q = q.substring(0, 2000);
        }
        return store.insertQuestion(tenant.value(), q, LanguageDetector.detect(q), reason, conversationId,
                answeredEntryId, clock.instant());
    }

    /** Open questions grouped by similarity, biggest group first, each with the nearest existing entry. */
    public List<QuestionGroup> openQuestionGroups(TenantId tenant) {
        List<OpenQuestion> open = store.openQuestions(tenant.value(), 500);
        List<QuestionGroup> groups = new ArrayList<>();
        for (List<OpenQuestion> g : QuestionGrouping.group(open, indexes.of(tenant.value()).embedder())) {
            List<KnowledgeMatch> nearest = search(tenant, g.get(0).question(), 1);
            groups.add(new QuestionGroup(g, nearest.isEmpty() ? null : nearest.get(0)));
        }
        return groups;
    }

    /**
     * One step from the inbox to the knowledge base: creates a published entry answering the given open
     * questions (the first becomes the title, the rest phrasings) and closes them.
     */
    @Transactional
    public KnowledgeEntry createFromQuestions(TenantId tenant, Collection<Long> questionIds, String answer,
            String category, String by) {
        List<OpenQuestion> questions = openQuestions(tenant, questionIds);
        List<String> texts = questions.stream().map(OpenQuestion::question).distinct().toList();
        KnowledgeEntry entry = create(tenant, new EntryDraft(texts.get(0), answer, texts.subList(1, texts.size()),
                category == null || category.isBlank() ? "general" : category,
                LanguageDetector.detect(texts.get(0)), List.of(), EntryStatus.PUBLISHED), by);
        store.resolveQuestions(tenant.value(), questionIds, entry.id(), clock.instant());
        return entry;
    }

    /** One step from the inbox: adds the open questions as phrasings of an existing entry and closes them. */
    @Transactional
    public KnowledgeEntry extendWithQuestions(TenantId tenant, long entryId, Collection<Long> questionIds, String by) {
        List<OpenQuestion> questions = openQuestions(tenant, questionIds);
        KnowledgeEntry e = get(tenant, entryId);
        List<String> phrasings = new ArrayList<>(e.phrasings());
        for (OpenQuestion q : questions) {
            if (!phrasings.contains(q.question()) && !q.question().equals(e.title())) {
                phrasings.add(q.question().replace('\n', ' '));
            }
        }
        KnowledgeEntry after = update(tenant, entryId, new EntryDraft(e.title(), e.body(), phrasings, e.category(),
                e.language(), e.tags(), e.status()), by);
        store.resolveQuestions(tenant.value(), questionIds, entryId, clock.instant());
        return after;
    }

    /**
     * The inbox's answer from someone who may not publish: a draft entry answering the open questions, which stay in
     * the inbox as a {@link KnowledgeProposal} until {@link #publishProposal} (the bot never answers from a draft).
     */
    @Transactional
    public KnowledgeEntry proposeEntry(TenantId tenant, Collection<Long> questionIds, String answer, String category,
            String by) {
        List<OpenQuestion> questions = openQuestions(tenant, questionIds);
        List<String> texts = questions.stream().map(OpenQuestion::question).distinct().toList();
        KnowledgeEntry draft = create(tenant, new EntryDraft(texts.get(0), answer, texts.subList(1, texts.size()),
                category == null || category.isBlank() ? "general" : category,
                LanguageDetector.detect(texts.get(0)), List.of(), EntryStatus.DRAFT), by);
        store.proposeQuestions(tenant.value(), questionIds, draft.id(), by, clock.instant());
        return draft;
    }

    /** Proposes the open questions as phrasings of an existing entry, which stays as it is until published. */
    @Transactional
    public KnowledgeEntry proposeExtension(TenantId tenant, long entryId, Collection<Long> questionIds, String by) {
        openQuestions(tenant, questionIds);
        KnowledgeEntry entry = get(tenant, entryId);
        store.proposeQuestions(tenant.value(), questionIds, entryId, by, clock.instant());
        return entry;
    }

    /** Proposals waiting to be published, oldest first. */
    public List<KnowledgeProposal> proposals(TenantId tenant) {
        Map<Long, List<KnowledgeStore.ProposedQuestion>> byEntry = new LinkedHashMap<>();
        for (KnowledgeStore.ProposedQuestion q : store.proposedQuestions(tenant.value(), null, 500)) {
            byEntry.computeIfAbsent(q.entryId(), e -> new ArrayList<>()).add(q);
        }
        List<KnowledgeProposal> out = new ArrayList<>();
        byEntry.forEach((entryId, questions) -> store.find(tenant.value(), entryId).ifPresent(entry -> out.add(
                new KnowledgeProposal(entry, questions.stream().map(KnowledgeStore.ProposedQuestion::question).toList(),
                        questions.get(0).by(), questions.get(0).at()))));
        return out;
    }

    /**
     * Publishes the proposal waiting on {@code entryId}: the entry is published with the proposed questions among
     * its phrasings, and they leave the inbox.
     *
     * @throws InvalidEntryException when nothing is proposed for that entry
     */
    @Transactional
    public KnowledgeEntry publishProposal(TenantId tenant, long entryId, String by) {
        KnowledgeEntry e = store.lock(tenant.value(), entryId)
                .orElseThrow(() -> new KnowledgeEntryNotFoundException(entryId));
        List<OpenQuestion> questions = store.proposedQuestions(tenant.value(), entryId, 500).stream()
                .map(KnowledgeStore.ProposedQuestion::question).toList();
        if (questions.isEmpty()) {
            throw new InvalidEntryException("entryId", "has no proposal waiting to be published");
        }
        List<String> phrasings = new ArrayList<>(e.phrasings());
        for (OpenQuestion q : questions) {
            String text = q.question().replace('\n', ' ');
            if (!phrasings.contains(text) && !q.question().equals(e.title())) {
                phrasings.add(text);
            }
        }
        KnowledgeEntry after = update(tenant, entryId, new EntryDraft(e.title(), e.body(), phrasings, e.category(),
                e.language(), e.tags(), EntryStatus.PUBLISHED), by);
        store.resolveQuestions(tenant.value(), questions.stream().map(OpenQuestion::id).toList(), entryId,
                clock.instant());
        return after;
    }

    private List<OpenQuestion> openQuestions(TenantId tenant, Collection<Long> ids) {
        List<OpenQuestion> questions = store.openQuestions(tenant.value(), Set.copyOf(ids));
        if (questions.isEmpty() || questions.size() != Set.copyOf(ids).size()) {
            throw new InvalidEntryException("questionIds", "must name open questions of this tenant");
        }
        return questions;
    }

    private static List<String> changedFields(KnowledgeEntry e, EntryDraft d) {
        List<String> changed = new ArrayList<>();
        if (!e.title().equals(d.title())) {
            changed.add("title");
        }
        if (!e.body().equals(d.body())) {
            changed.add("body");
        }
        if (!e.phrasings().equals(d.phrasings())) {
            changed.add("phrasings");
        }
        if (!e.category().equals(d.category())) {
            changed.add("category");
        }
        if (e.language() != d.language()) {
            changed.add("language");
        }
        if (!e.tags().equals(d.tags())) {
            changed.add("tags");
        }
        if (!Objects.equals(e.status(), d.status())) {
            changed.add("status");
        }
        return changed;
    }
}
