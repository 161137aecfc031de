package io.oriole.web.workspace;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.knowledge.KnowledgeEntryNotFoundException;
import io.oriole.knowledge.KnowledgeManagement;

/**
 * The unanswered-questions inbox in the workspace. Anyone may answer a group of questions; the answer of someone
 * who may not publish waits as a proposal that a supervisor or admin publishes here or in the console.
 */
@Controller
@RequiresPermission(Permission.USE_KNOWLEDGE)
class QuestionsWorkspaceController {

    private final KnowledgeManagement knowledge;

    QuestionsWorkspaceController(KnowledgeManagement knowledge) {
        this.knowledge = knowledge;
    }

    @GetMapping("/workspace/questions")
    String inbox(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("groups", knowledge.openQuestionGroups(me.tenantId()));
        model.addAttribute("proposals", knowledge.proposals(me.tenantId()));
        return "workspace/questions";
    }

    @RequiresPermission(Permission.PROPOSE_KNOWLEDGE)
    @PostMapping("/workspace/questions/answer")
    String answer(@AuthenticationPrincipal StaffPrincipal me, @RequestParam List<Long> questionIds,
            @RequestParam String answer, @RequestParam(required = false) String category, RedirectAttributes flash) {
        try {
            if (Permission.PUBLISH_KNOWLEDGE.allows(me)) {
                knowledge.createFromQuestions(me.tenantId(), questionIds, answer, category, me.email());
                flash.addFlashAttribute("published", true);
            }
            else {
                knowledge.proposeEntry(me.tenantId(), questionIds, answer, category, me.email());
                flash.addFlashAttribute("proposed", true);
            }
        }
        catch (IllegalArgumentException | KnowledgeEntryNotFoundException e) {
            flash.addFlashAttribute("error", true);
        }
        return "redirect:/workspace/questions";
    }

    @RequiresPermission(Permission.PROPOSE_KNOWLEDGE)
    @PostMapping("/workspace/questions/extend")
    String extend(@AuthenticationPrincipal StaffPrincipal me, @RequestParam List<Long> questionIds,
            @RequestParam long entryId, RedirectAttributes flash) {
        try {
            if (Permission.PUBLISH_KNOWLEDGE.allows(me)) {
                knowledge.extendWithQuestions(me.tenantId(), entryId, questionIds, me.email());
                flash.addFlashAttribute("published", true);
            }
            else {
                knowledge.proposeExtension(me.tenantId(), entryId, questionIds, me.email());
                flash.addFlashAttribute("proposed", true);
            }
        }
        catch (IllegalArgumentException | KnowledgeEntryNotFoundException e) {
            flash.addFlashAttribute("error", true);
        }
        return "redirect:/workspace/questions";
    }

    @RequiresPermission(Permission.PUBLISH_KNOWLEDGE)
    @PostMapping("/workspace/questions/proposals/{entryId}/publish")
    String publish(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long entryId, RedirectAttributes flash) {
        try {
            knowledge.publishProposal(me.tenantId(), entryId, me.email());
            flash.addFlashAttribute("published", true);
        }
        catch (IllegalArgumentException | KnowledgeEntryNotFoundException e) {
            flash.addFlashAttribute("error", true);
        }
        return "redirect:/workspace/questions";
    }
}
