package io.oriole.web.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.knowledge.EntryDraft;
import io.oriole.knowledge.EntryStatus;
import io.oriole.knowledge.EntryVersion;
import io.oriole.knowledge.InvalidEntryException;
import io.oriole.knowledge.KnowledgeEntry;
import io.oriole.knowledge.KnowledgeEntryNotFoundException;
import io.oriole.knowledge.KnowledgeManagement;
import io.oriole.knowledge.KnowledgeMatch;
import io.oriole.knowledge.KnowledgeProposal;
import io.oriole.knowledge.OpenQuestion;
import io.oriole.knowledge.QuestionGroup;
import io.oriole.triage.Language;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/knowledge")
@Tag(name = "Knowledge", description = "Knowledge base entries, hybrid search, import/export and the unanswered "
        + "questions inbox; who may do what: docs/permissions.md")
class KnowledgeController {

    private final KnowledgeManagement knowledge;

    KnowledgeController(KnowledgeManagement knowledge) {
        this.knowledge = knowledge;
    }

    /** {@code language} zh or en; {@code status} DRAFT or PUBLISHED (default PUBLISHED). */
    record EntryRequest(@NotBlank @Size(max = EntryDraft.MAX_TITLE) String title,
            @NotBlank @Size(max = EntryDraft.MAX_BODY) String body,
            @NoNullItems @Size(max = EntryDraft.MAX_PHRASINGS) List<@Size(max = EntryDraft.MAX_TITLE) String> phrasings,
            @NotBlank @Size(max = EntryDraft.MAX_CATEGORY) String category, @NotNull Language language,
            @NoNullItems List<@Size(max = 100) String> tags, EntryStatus status) {

        EntryDraft draft() {
            return new EntryDraft(title, body, phrasings, category, language, tags,
                    status == null ? EntryStatus.PUBLISHED : status);
        }
    }

    record EntryResponse(long id, String title, String body, List<String> phrasings, String category,
            String language, List<String> tags, EntryStatus status, int version, Instant createdAt,
            Instant updatedAt, String updatedBy) {

        static EntryResponse of(KnowledgeEntry e) {
            return new EntryResponse(e.id(), e.title(), e.body(), e.phrasings(), e.category(), e.language().code(),
                    e.tags(), e.status(), e.version(), e.createdAt(), e.updatedAt(), e.updatedBy());
        }
    }

    record MatchResponse(long entryId, String title, String body, String matchedQuestion, double similarity,
            double confidence) {

        static MatchResponse of(KnowledgeMatch m) {
            return new MatchResponse(m.entry().id(), m.entry().title(), m.entry().body(), m.matchedQuestion(),
                    m.similarity(), m.confidence());
        }
    }

    record ImportResponse(int changed) {
    }

    record QuestionGroupResponse(List<OpenQuestion> questions, MatchResponse nearestEntry) {

        static QuestionGroupResponse of(QuestionGroup g) {
            return new QuestionGroupResponse(g.questions(),
                    g.nearestEntry() == null ? null : MatchResponse.of(g.nearestEntry()));
        }
    }

    record CreateFromQuestions(@NoNullItems @NotEmpty @Size(max = 200) List<@NotNull Long> questionIds,
            @NotBlank @Size(max = EntryDraft.MAX_BODY) String answer,
            @Size(max = EntryDraft.MAX_CATEGORY) String category) {
    }

    record ExtendWithQuestions(@NotNull Long entryId,
            @NoNullItems @NotEmpty @Size(max = 200) List<@NotNull Long> questionIds) {
    }

    @RequiresPermission(Permission.USE_KNOWLEDGE)
    @GetMapping("/entries")
    ResultPage<EntryResponse> list(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) EntryStatus status,
            @RequestParam(defaultValue = "0") @PositiveOrZero int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(KnowledgeManagement.MAX_PAGE) int size) {
        return ResultPage.of(knowledge.list(me.tenantId(), q, status, page * size, size), EntryResponse::of, page,
                size, knowledge.count(me.tenantId()));
    }

    @RequiresPermission(Permission.USE_KNOWLEDGE)
    @GetMapping("/entries/{id}")
    EntryResponse get(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        return EntryResponse.of(knowledge.get(me.tenantId(), id));
    }

    @RequiresPermission(Permission.USE_KNOWLEDGE)
    @GetMapping("/entries/{id}/history")
    List<EntryVersion> history(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        return knowledge.history(me.tenantId(), id);
    }

    @RequiresPermission(Permission.EDIT_KNOWLEDGE)
    @PostMapping("/entries")
    ResponseEntity<EntryResponse> create(@AuthenticationPrincipal StaffPrincipal me,
            @Valid @RequestBody EntryRequest request) {
        KnowledgeEntry e = knowledge.create(me.tenantId(), request.draft(), me.email());
        return ResponseEntity.created(URI.create("/api/v1/knowledge/entries/" + e.id())).body(EntryResponse.of(e));
    }

    @RequiresPermission(Permission.EDIT_KNOWLEDGE)
    @PutMapping("/entries/{id}")
    EntryResponse update(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @Valid @RequestBody EntryRequest request) {
        return EntryResponse.of(knowledge.update(me.tenantId(), id, request.draft(), me.email()));
    }

    /** Published entries best answering {@code q}, with calibrated confidence (0..1). */
    @RequiresPermission(Permission.USE_KNOWLEDGE)
    @GetMapping("/search")
    List<MatchResponse> search(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam @NotBlank @Size(max = 2000) String q,
            @RequestParam(defaultValue = "5") @Min(1) @Max(50) int limit) {
        return knowledge.search(me.tenantId(), q, limit).stream().map(MatchResponse::of).toList();
    }

    @RequiresPermission(Permission.EDIT_KNOWLEDGE)
    @GetMapping(value = "/export.csv", produces = "text/csv")
    ResponseEntity<byte[]> exportCsv(@AuthenticationPrincipal StaffPrincipal me) {
        return download(knowledge.exportCsv(me.tenantId()), "knowledge.csv", "text/csv;charset=UTF-8");
    }

    @RequiresPermission(Permission.EDIT_KNOWLEDGE)
    @GetMapping(value = "/export-markdown.zip", produces = "application/zip")
    ResponseEntity<byte[]> exportMarkdown(@AuthenticationPrincipal StaffPrincipal me) {
        return download(knowledge.exportMarkdown(me.tenantId()), "knowledge-markdown.zip", "application/zip");
    }

    /** Body: the CSV file (text/csv) or a zip of Markdown files (application/zip). All or nothing. */
    @RequiresPermission(Permission.EDIT_KNOWLEDGE)
    @PostMapping(value = "/import", consumes = { "text/csv", "application/zip", "application/octet-stream" })
    ImportResponse importFile(@AuthenticationPrincipal StaffPrincipal me,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, @RequestBody byte[] file) {
        boolean zip = contentType.startsWith("application/zip")
                || (file.length > 1 && file[0] == 'P' && file[1] == 'K');
        return new ImportResponse(zip ? knowledge.importMarkdown(me.tenantId(), file, me.email())
                : knowledge.importCsv(me.tenantId(), file, me.email()));
    }

    @RequiresPermission(Permission.USE_KNOWLEDGE)
    @GetMapping("/open-questions")
    List<QuestionGroupResponse> openQuestions(@AuthenticationPrincipal StaffPrincipal me) {
        return knowledge.openQuestionGroups(me.tenantId()).stream().map(QuestionGroupResponse::of).toList();
    }

    /**
     * A new entry answering the questions: published when the caller may publish, otherwise a draft that waits in
     * {@code /proposals} for a supervisor or admin.
     */
    @RequiresPermission(Permission.PROPOSE_KNOWLEDGE)
    @PostMapping("/open-questions/create-entry")
    @ResponseStatus(HttpStatus.CREATED)
    EntryResponse createFromQuestions(@AuthenticationPrincipal StaffPrincipal me,
            @Valid @RequestBody CreateFromQuestions request) {
        KnowledgeEntry entry = Permission.PUBLISH_KNOWLEDGE.allows(me)
                ? knowledge.createFromQuestions(me.tenantId(), request.questionIds(), request.answer(),
                        request.category(), me.email())
                : knowledge.proposeEntry(me.tenantId(), request.questionIds(), request.answer(), request.category(),
                        me.email());
        return EntryResponse.of(entry);
    }

    /**
     * Adds the questions as phrasings of an entry: at once (200) when the caller may publish, otherwise as a
     * proposal (202) that leaves the entry unchanged until a supervisor or admin publishes it.
     */
    @RequiresPermission(Permission.PROPOSE_KNOWLEDGE)
    @PostMapping("/open-questions/extend-entry")
    ResponseEntity<EntryResponse> extendWithQuestions(@AuthenticationPrincipal StaffPrincipal me,
            @Valid @RequestBody ExtendWithQuestions request) {
        if (Permission.PUBLISH_KNOWLEDGE.allows(me)) {
            return ResponseEntity.ok(EntryResponse.of(knowledge.extendWithQuestions(me.tenantId(), request.entryId(),
                    request.questionIds(), me.email())));
        }
        return ResponseEntity.accepted().body(EntryResponse.of(knowledge.proposeExtension(me.tenantId(),
                request.entryId(), request.questionIds(), me.email())));
    }

    record ProposalResponse(EntryResponse entry, boolean extendsEntry, List<OpenQuestion> questions,
            String proposedBy, Instant proposedAt) {

        static ProposalResponse of(KnowledgeProposal p) {
            return new ProposalResponse(EntryResponse.of(p.entry()), p.extendsEntry(), p.questions(), p.proposedBy(),
                    p.proposedAt());
        }
    }

    @RequiresPermission(Permission.USE_KNOWLEDGE)
    @GetMapping("/proposals")
    @Operation(summary = "Answers to open questions waiting for a supervisor or admin to publish them")
    List<ProposalResponse> proposals(@AuthenticationPrincipal StaffPrincipal me) {
        return knowledge.proposals(me.tenantId()).stream().map(ProposalResponse::of).toList();
    }

    @RequiresPermission(Permission.PUBLISH_KNOWLEDGE)
    @PostMapping("/proposals/{entryId}/publish")
    @Operation(summary = "Publish the proposal on an entry: the entry goes live with the proposed questions")
    EntryResponse publishProposal(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long entryId) {
        return EntryResponse.of(knowledge.publishProposal(me.tenantId(), entryId, me.email()));
    }

    @ExceptionHandler(KnowledgeEntryNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ProblemDetail notFound(KnowledgeEntryNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(InvalidEntryException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ProblemDetail invalidEntry(InvalidEntryException e) {
        return fieldProblem(e.field(), e.getMessage());
    }

    static ProblemDetail fieldProblem(String field, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has invalid fields.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new ApiProblemAdvice.FieldProblem(field, reason)));
        return problem;
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, String name, String type) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(MediaType.parseMediaType(type)).body(bytes);
    }
}
