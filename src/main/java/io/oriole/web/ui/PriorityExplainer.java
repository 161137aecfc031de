package io.oriole.web.ui;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.oriole.triage.Priority;
import io.oriole.triage.PriorityFactor;

/**
 * Says why a conversation has its priority in the reader's language: "P1: system down (+50), VIP gold (+20)" for an
 * English page, 「P1：系统瘫痪 (+50)、黄金 VIP (+20)」 for a Chinese one. Triage keeps its factors in English (that is what
 * the API and the stored results carry); their descriptions come from a small closed vocabulary, which this class
 * maps to message keys {@code triage.factor.<description with dashes>}, plus the two that carry values: the minutes
 * waited and a supervisor's override. A description without a key is shown as triage wrote it.
 */
@Component("priorityExplainer")
public class PriorityExplainer {

    private static final Pattern WAITED = Pattern.compile("waited (\\d+) min");
    private static final Pattern OVERRIDE = Pattern.compile("set to (P\\d) by (.+) \\(triage said (P\\d)\\): (.*)",
            Pattern.DOTALL);

    private final MessageSource messages;

    PriorityExplainer(MessageSource messages) {
        this.messages = messages;
    }

    /** The whole explanation, level first. */
    public String explain(Priority priority, Locale locale) {
        if (priority.factors().isEmpty()) {
            return priority.level() + text("triage.factor.separator.level", locale, ": ")
                    + text("triage.factor.none", locale, "no urgency factors");
        }
        return priority.level() + text("triage.factor.separator.level", locale, ": ") + priority.factors().stream()
                .map(f -> factor(f, locale)).collect(Collectors.joining(text("triage.factor.separator", locale, ", ")));
    }

    /** One factor with its points; an override carries none. */
    public String factor(PriorityFactor factor, Locale locale) {
        if (PriorityFactor.OVERRIDE.equals(factor.name())) {
            Matcher m = OVERRIDE.matcher(factor.description());
            return m.matches() ? messages.getMessage("triage.factor.override", new Object[] { m.group(1), m.group(2),
                    m.group(3), m.group(4) }, factor.description(), locale) : factor.description();
        }
        return describe(factor.description(), locale) + " (" + (factor.points() >= 0 ? "+" : "") + factor.points()
                + ")";
    }

    String describe(String description, Locale locale) {
        Matcher waited = WAITED.matcher(description);
        if (waited.matches()) {
            return messages.getMessage("triage.factor.waited", new Object[] { Long.parseLong(waited.group(1)) },
                    description, locale);
        }
        return text("triage.factor." + description.strip().toLowerCase(Locale.ROOT).replace(' ', '-'), locale,
                description);
    }

    private String text(String key, Locale locale, String fallback) {
        return messages.getMessage(key, null, fallback, locale);
    }
}
