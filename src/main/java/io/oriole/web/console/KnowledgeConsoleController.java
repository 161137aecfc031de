package io.oriole.web.console;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.oriole.bot.BotManagement;
import io.oriole.bot.BotSettings;
import io.oriole.bot.GenerativeSettingsChange;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.knowledge.EntryDraft;
import io.oriole.knowledge.EntryStatus;
import io.oriole.knowledge.KnowledgeEntry;
import io.oriole.knowledge.KnowledgeManagement;
import io.oriole.shared.outbound.OutboundRefused;
import io.oriole.triage.Language;

/**
 * Admin console pages for the knowledge base: list and search, create and edit with history, import and export,
 * the unanswered-questions inbox and the bot's settings. Supervisors and admins only (see SecurityConfiguration).
 */
@Controller
class KnowledgeConsoleController {

    private final KnowledgeManagement knowledge;
    private final BotManagement bot;
    private final MessageSource messages;

    KnowledgeConsoleController(KnowledgeManagement knowledge, BotManagement bot, MessageSource messages) {
        this.knowledge = knowledge;
        this.bot = bot;
        this.messages = messages;
    }

    /** The entry form; phrasings one per line, tags comma-separated. */
    record EntryForm(String title, String body, String phrasings, String category, Language language, String tags,
            EntryStatus status) {

        EntryDraft draft() {
            return new EntryDraft(title, body, phrasings == null ? List.of() : phrasings.lines().toList(), category,
                    language, tags == null ? List.of() : Arrays.asList(tags.split(",")), status);
        }
    }

    @RequiresPermission(Permission.EDIT_KNOWLEDGE)
    @GetMapping("/console/knowledge")
    String index(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String q,
            @RequestParam(required = false) String ask, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("q", q);
        model.addAttribute("ask", ask);
        model.addAttribute("entries", knowledge.list(me.tenantId(), q, null, 0, KnowledgeManagement.MAX_PAGE));
        model.addAttribute("matches", ask == null || ask.isBlank() ? List.of() : knowledge.search(me.tenantId(), ask, 5));
        model.addAttribute("groups", knowledge.openQuestionGroups(me.tenantId()));
        model.addAttribute("proposals", knowledge.proposals(me.tenantId()));
        model.addAttribute("settings", bot.settings(me.tenantId()));
        model.addAttribute("generative", bot.generativeSettings(me.tenantId()));
        model.addAttribute("languages", Language.values());
        model.addAttribute("statuses", EntryStatus.values());
        return "console/knowledge";
    }

    @RequiresPermission(Permission.EDIT_KNOWLEDGE)
    @GetMapping("/console/knowledge/{id}")
    String entry(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, Model model) {
        KnowledgeEntry e = knowledge.get(me.tenantId(), id);
        model.addAttribute("me", me);
        model.addAttribute("entry", e);
        model.addAttribute("history", knowledge.history(me.tenantId(), id));
        model.addAttribute("languages", Language.values());
        model.addAttribute("statuses", EntryStatus.values());
        return "console/knowledge-entry";
    }

    @RequiresPermission(Permission.EDIT_KNOWLEDGE)
    @PostMapping("/console/knowledge")
    String create(@AuthenticationPrincipal StaffPrincipal me, EntryForm form, RedirectAttributes flash) {
        try {
            KnowledgeEntry e = knowledge.create(me.tenantId(), form.draft(), me.email());
            flash.addFlashAttribute("saved", true);
            return "redirect:/console/knowledge/" + e.id();
        }
        catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/console/knowledge";
        }
    }

    @RequiresPermission(Permission.EDIT_KNOWLEDGE)
    @PostMapping("/console/knowledge/{id}")
    String update(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, EntryForm form,
            RedirectAttributes flash) {
        try {
            knowledge.update(me.tenantId(), id, form.draft(), me.email());
            flash.addFlashAttribute("saved", true);
        }
        catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/knowledge/" + id;
    }

    @RequiresPermission(Permission.EDIT_KNOWLEDGE)
    @PostMapping("/console/knowledge/import")
    String importFile(@AuthenticationPrincipal StaffPrincipal me, @RequestParam("file") MultipartFile file,
            RedirectAttributes flash) throws IOException {
        byte[] bytes = file.getBytes();
        boolean zip = bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K';
        try {
            int changed = zip ? knowledge.importMarkdown(me.tenantId(), bytes, me.email())
                    : knowledge.importCsv(me.tenantId(), bytes, me.email());
            flash.addFlashAttribute("imported", changed);
        }
        catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/knowledge";
    }

    @RequiresPermission(Permission.EDIT_KNOWLEDGE)
    @GetMapping("/console/knowledge/export.csv")
    org.springframework.http.ResponseEntity<byte[]> exportCsv(@AuthenticationPrincipal StaffPrincipal me) {
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"knowledge.csv\"")
                .header("Content-Type", "text/csv;charset=UTF-8").body(knowledge.exportCsv(me.tenantId()));
    }

    @RequiresPermission(Permission.EDIT_KNOWLEDGE)
    @GetMapping("/console/knowledge/export-markdown.zip")
    org.springframework.http.ResponseEntity<byte[]> exportMarkdown(@AuthenticationPrincipal StaffPrincipal me) {
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"knowledge-markdown.zip\"")
                .header("Content-Type", "application/zip").body(knowledge.exportMarkdown(me.tenantId()));
    }

    // The console is the publishers' page: an answer given here goes live at once. Agents answer in the workspace.
    @RequiresPermission(Permission.PUBLISH_KNOWLEDGE)
    @PostMapping("/console/knowledge/questions/create")
    String createFromQuestions(@AuthenticationPrincipal StaffPrincipal me, @RequestParam List<Long> questionIds,
            @RequestParam String answer, @RequestParam(required = false) String category, RedirectAttributes flash) {
        try {
            KnowledgeEntry e = knowledge.createFromQuestions(me.tenantId(), questionIds, answer, category, me.email());
            flash.addFlashAttribute("saved", true);
            return "redirect:/console/knowledge/" + e.id();
        }
        catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/console/knowledge";
        }
    }

    @RequiresPermission(Permission.PUBLISH_KNOWLEDGE)
    @PostMapping("/console/knowledge/questions/extend")
    String extendWithQuestions(@AuthenticationPrincipal StaffPrincipal me, @RequestParam List<Long> questionIds,
            @RequestParam long entryId, RedirectAttributes flash) {
        try {
            knowledge.extendWithQuestions(me.tenantId(), entryId, questionIds, me.email());
            flash.addFlashAttribute("saved", true);
            return "redirect:/console/knowledge/" + entryId;
        }
        catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/console/knowledge";
        }
    }

    @RequiresPermission(Permission.PUBLISH_KNOWLEDGE)
    @PostMapping("/console/knowledge/proposals/{entryId}/publish")
    String publishProposal(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long entryId,
            RedirectAttributes flash) {
        try {
            knowledge.publishProposal(me.tenantId(), entryId, me.email());
            flash.addFlashAttribute("saved", true);
        }
        catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/knowledge";
    }

    @RequiresPermission(Permission.MANAGE_BOT)
    @PostMapping("/console/knowledge/bot")
    String botSettings(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam double minConfidence, @RequestParam int maxUnhelpful,
            @RequestParam(defaultValue = "false") boolean handoffOnVip,
            @RequestParam(defaultValue = "false") boolean handoffOnUrgent,
            @RequestParam(defaultValue = "false") boolean handoffOnNegative, RedirectAttributes flash) {
        try {
            bot.updateSettings(me.tenantId(), new BotSettings(enabled, minConfidence, maxUnhelpful, handoffOnVip,
                    handoffOnUrgent, handoffOnNegative));
            flash.addFlashAttribute("saved", true);
        }
        catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/knowledge";
    }

    /**
     * The generative-answer section. The key field is never filled in by the page: left empty it keeps the stored
     * key, {@code clearApiKey} removes it.
     */
    @RequiresPermission(Permission.MANAGE_BOT)
    @PostMapping("/console/knowledge/bot/generative")
    String generativeSettings(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(defaultValue = "false") boolean enabled, @RequestParam(defaultValue = "") String baseUrl,
            @RequestParam(defaultValue = "") String model, @RequestParam(defaultValue = "") String apiKey,
            @RequestParam(defaultValue = "false") boolean clearApiKey, @RequestParam int timeoutSeconds,
            @RequestParam int maxCitations, Locale locale, RedirectAttributes flash) {
        String key = clearApiKey ? "" : apiKey.isBlank() ? null : apiKey;
        try {
            bot.updateGenerativeSettings(me.tenantId(),
                    new GenerativeSettingsChange(enabled, baseUrl, model, key, timeoutSeconds, maxCitations));
            flash.addFlashAttribute("saved", true);
        }
        catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        catch (OutboundRefused e) {
            flash.addFlashAttribute("error", e.field() + ": " + messages.getMessage(e.messageKey(), null, locale));
        }
        return "redirect:/console/knowledge";
    }
}
