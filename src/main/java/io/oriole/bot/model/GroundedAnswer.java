package io.oriole.bot.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.oriole.triage.Language;

/**
 * A model's reply that may be shown to the customer: its {@code text} cites only entries that were actually given
 * ({@code citations}, 1-based, in order of first use). A model can invent a citation number, cite nothing, or say it
 * cannot answer; {@link #of} turns each of those into "no grounded answer", and the bot then answers with the best
 * entry's own text instead.
 *
 * <p>Example with 3 entries given: "Open My orders [1] and click Refund [1, 4]." becomes "Open My orders [1] and
 * click Refund [1]." citing [1]; "You can pay by bank transfer [7]." becomes nothing, since no valid citation is
 * left; "NO_ANSWER" becomes nothing.
 */
public record GroundedAnswer(String text, List<Integer> citations) {

    /** Long enough for any sensible chat answer, short enough to leave room for the titles under it. */
    static final int MAX_TEXT = 6000;

    // [1], [1, 2], [1][2], and the full-width brackets and commas Chinese text often uses: 【1】, ［1，2］, [1、2].
    private static final Pattern CITATION = Pattern
            .compile("\\s?[\\[【［]\\s*(\\d{1,3}(?:\\s*[,，、]\\s*\\d{1,3})*)\\s*[\\]】］]");

    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}");

    /**
     * The reply with invalid citations removed, or empty when nothing grounded is left.
     *
     * @param reply the model's text (may be null)
     * @param given how many entries were numbered in the prompt
     */
    public static Optional<GroundedAnswer> of(String reply, int given) {
        if (reply == null || reply.isBlank() || reply.contains(AnswerPrompt.CANNOT_ANSWER)) {
            return Optional.empty();
        }
        Set<Integer> cited = new LinkedHashSet<>();
        Matcher m = CITATION.matcher(reply.strip());
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            List<Integer> valid = new ArrayList<>();
            Matcher n = NUMBER.matcher(m.group(1));
            while (n.find()) {
                int number = Integer.parseInt(n.group());
                if (number >= 1 && number <= given && !valid.contains(number)) {
                    valid.add(number);
                }
            }
            cited.addAll(valid);
            String lead = Character.isWhitespace(m.group().charAt(0)) ? m.group().substring(0, 1) : "";
            String kept = valid.isEmpty() ? ""
                    : lead + String.join("", valid.stream().map(i -> "[" + i + "]").toList());
            m.appendReplacement(text, Matcher.quoteReplacement(kept));
        }
        m.appendTail(text);
        String cleaned = text.toString().strip();
        if (cited.isEmpty() || cleaned.replaceAll("\\[\\d+]", "").isBlank()) {
            return Optional.empty();
        }
        if (cleaned.length() > MAX_TEXT) {
            cleaned = cleaned.substring(0, MAX_TEXT - 1) + "…";
        }
        return Optional.of(new GroundedAnswer(cleaned, List.copyOf(cited)));
    }

    /**
     * What the customer reads: the generated text, then the cited entries' titles under a heading in their language,
     * numbered as in the text.
     *
     * @param titles the titles of the entries given to the model, in prompt order
     */
    public String reply(List<String> titles, Language language) {
        StringBuilder out = new StringBuilder(text).append("\n\n")
                .append(language == Language.ZH ? "参考条目：" : "Sources:");
        for (int number : citations) {
            out.append("\n[").append(number).append("] ").append(titles.get(number - 1));
        }
        return out.toString();
    }
}
