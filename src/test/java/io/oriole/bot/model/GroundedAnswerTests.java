package io.oriole.bot.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.oriole.triage.Language;

class GroundedAnswerTests {

    @Test
    void aReplyCitingAGivenEntryKeepsItsTextAndCitation() {
        GroundedAnswer answer = GroundedAnswer.of("Open My orders and click Refund [1].", 3).orElseThrow();

        assertThat(answer.text()).isEqualTo("Open My orders and click Refund [1].");
        assertThat(answer.citations()).containsExactly(1);
    }

    @Test
    void citationsOfEntriesNeverGivenAreDroppedAndTheValidOnesKeptInOrderOfUse() {
        GroundedAnswer answer = GroundedAnswer.of("Refunds take 3 days [2, 7]. Open My orders [1][2] first [9].", 3)
                .orElseThrow();

        assertThat(answer.text()).isEqualTo("Refunds take 3 days [2]. Open My orders [1][2] first.");
        assertThat(answer.citations()).containsExactly(2, 1);
    }

    @Test
    void aReplyWhoseOnlyCitationIsInventedIsNotGrounded() {
        assertThat(GroundedAnswer.of("You can pay by bank transfer [7].", 3)).isEmpty();
        assertThat(GroundedAnswer.of("You can pay by bank transfer [0].", 3)).isEmpty();
    }

    @Test
    void aReplyWithoutCitationsOrThatDeclinesOrIsEmptyIsNotGrounded() {
        assertThat(GroundedAnswer.of("Sure, refunds are instant.", 3)).isEmpty();
        assertThat(GroundedAnswer.of(AnswerPrompt.CANNOT_ANSWER, 3)).isEmpty();
        assertThat(GroundedAnswer.of("NO_ANSWER [1]", 3)).isEmpty();
        assertThat(GroundedAnswer.of("  ", 3)).isEmpty();
        assertThat(GroundedAnswer.of(null, 3)).isEmpty();
        assertThat(GroundedAnswer.of("[1]", 3)).as("a bare citation says nothing").isEmpty();
    }

    @Test
    void fullWidthBracketsInChineseRepliesCountAsCitations() {
        GroundedAnswer answer = GroundedAnswer.of("在「我的订单」中点击「修改地址」即可【1】，发票请看［2，5］。", 2)
                .orElseThrow();

        assertThat(answer.citations()).containsExactly(1, 2);
        assertThat(answer.text()).isEqualTo("在「我的订单」中点击「修改地址」即可[1]，发票请看[2]。");
    }

    @Test
    void theCustomerSeesTheTextThenTheCitedTitlesNumberedAsInTheText() {
        GroundedAnswer answer = GroundedAnswer.of("Click Refund [2].", 3).orElseThrow();

        assertThat(answer.reply(List.of("Where is my parcel?", "How do I request a refund?", "Invoices"),
                Language.EN)).isEqualTo("Click Refund [2].\n\nSources:\n[2] How do I request a refund?");
        assertThat(GroundedAnswer.of("点击「修改地址」[1]。", 1).orElseThrow()
                .reply(List.of("怎么修改收货地址"), Language.ZH))
                .isEqualTo("点击「修改地址」[1]。\n\n参考条目：\n[1] 怎么修改收货地址");
    }

    @Test
    void thePromptNumbersTheEntriesAndEndsWithTheQuestion() {
        String question = AnswerPrompt.question("I want my money back", List.of(
                new AnswerPrompt.Source("How do I request a refund?", "Open My orders and click Refund."),
                new AnswerPrompt.Source("Where is my parcel?", "Open Track package.")));

        assertThat(question).isEqualTo("""
                Knowledge base entries:

                [1] How do I request a refund?
                Open My orders and click Refund.

                [2] Where is my parcel?
                Open Track package.

                Customer's question:
                I want my money back""");
        assertThat(AnswerPrompt.instructions(Language.ZH)).contains("Simplified Chinese").contains("NO_ANSWER")
                .contains("only");
        assertThat(AnswerPrompt.instructions(Language.EN)).contains("in English");
    }
}
