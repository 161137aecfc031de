package io.oriole.bot.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.oriole.bot.HandoffReason;

class HandoffSummaryTests {

    @Test
    void summaryNamesTheReasonTheQuestionsAndHowTheAnswerLanded() {
        String summary = HandoffSummary.of(HandoffReason.CUSTOMER_ASKED, List.of(
                new HandoffSummary.Turn("怎么修改收货地址", "怎么修改收货地址", 0.91, false),
                new HandoffSummary.Turn("转人工", null, null, null)));

        assertThat(summary).isEqualTo("Handed off: the customer asked for a person. Asked: “怎么修改收货地址”; “转人工”. "
                + "Bot answered: 怎么修改收货地址 (confidence 0.91, customer said it did not help).");
    }

    @Test
    void summarySaysWhenTheKnowledgeBaseHadNothing() {
        String summary = HandoffSummary.of(HandoffReason.NOT_ANSWERED, List.of(
                new HandoffSummary.Turn("Do you sell submarines?", null, null, null),
                new HandoffSummary.Turn("What about yellow ones?", null, null, null)));

        assertThat(summary).contains("could not answer after several tries")
                .contains("“Do you sell submarines?”; “What about yellow ones?”")
                .endsWith("Bot found no answer in the knowledge base.");
    }

    @Test
    void summaryKeepsOnlyTheLastFewQuestions() {
        List<HandoffSummary.Turn> turns = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> new HandoffSummary.Turn("question " + i, null, null, null)).toList();

        String summary = HandoffSummary.of(HandoffReason.NOT_ANSWERED, turns);

        assertThat(summary).doesNotContain("question 5").contains("question 6").contains("question 9");
    }
}
