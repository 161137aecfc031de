package io.oriole.bot.model;

import java.util.List;
import java.util.Locale;

import io.oriole.bot.HandoffReason;

/**
 * A short summary for the agent who takes over: why the bot handed off, what the customer asked (the last few
 * questions), and what the bot answered with how it landed.
 * <p>
 * Example: "Handed off: the customer asked for a person. Asked: “怎么修改收货地址”; “转人工”. Bot answered:
 * 修改收货地址 (confidence 0.91, customer said it did not help)."
 */
public final class HandoffSummary {

    /** One bot turn as the summary sees it; {@code answerTitle} null when the bot had no answer. */
    public record Turn(String question, String answerTitle, Double confidence, Boolean helpful) {
    }

    static final int MAX_QUESTIONS = 4;
    static final int MAX_QUESTION_CHARS = 120;

    private HandoffSummary() {
    }

    public static String of(HandoffReason reason, List<Turn> turns) {
        StringBuilder s = new StringBuilder("Handed off: ").append(describe(reason)).append('.');
        List<Turn> recent = turns.size() > MAX_QUESTIONS ? turns.subList(turns.size() - MAX_QUESTIONS, turns.size())
                : turns;
        if (!recent.isEmpty()) {
            s.append(" Asked: ");
            for (int i = 0; i < recent.size(); i++) {
                String q = recent.get(i).question().replaceAll("\\s+", " ").strip();
                s.append(i == 0 ? "" : "; ").append('“')
                        .append(q.length() > MAX_QUESTION_CHARS ? q.substring(0, MAX_QUESTION_CHARS) + "…" : q)
                        .append('”');
            }
            s.append('.');
        }
        List<Turn> answered = turns.stream().filter(t -> t.answerTitle() != null).toList();
        if (answered.isEmpty()) {
            s.append(" Bot found no answer in the knowledge base.");
        }
        else {
            s.append(" Bot answered: ");
            for (int i = 0; i < answered.size(); i++) {
                Turn t = answered.get(i);
                s.append(i == 0 ? "" : "; ").append(t.answerTitle()).append(String.format(Locale.ROOT,
                        " (confidence %.2f%s)", t.confidence() == null ? 0 : t.confidence(),
                        t.helpful() == null ? "" : t.helpful() ? ", customer said it helped"
                                : ", customer said it did not help"));
            }
            s.append('.');
        }
        return s.length() > 2000 ? s.substring(0, 1999) + "…" : s.toString();
    }

    static String describe(HandoffReason reason) {
        return switch (reason) {
            case CUSTOMER_ASKED -> "the customer asked for a person";
            case NOT_ANSWERED -> "the bot could not answer after several tries";
            case URGENT -> "triage found an urgent problem";
            case NEGATIVE_SENTIMENT -> "the customer is upset";
            case VIP -> "VIP customer, served by people";
        };
    }
}
