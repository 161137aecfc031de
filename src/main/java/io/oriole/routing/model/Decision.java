package io.oriole.routing.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What routing decided for one waiting item, with reasons a supervisor can read.
 *
 * @param work    the work decided on
 * @param agent   the agent to offer it to (as seen before the offer), or empty when it keeps waiting
 * @param reasons why, for example "offered to 李娜: skill after-sales L2, load 1/4, predicted 6 min"
 * @param skipped agents passed over, by id, for example "王强: at capacity"; at most
 *                {@link AgentSelector#SKIPPED_LIMIT} entries, the reasons carry the full counts
 */
public record Decision(Work work, Optional<AgentSnapshot> agent, List<String> reasons, Map<Long, String> skipped) {

    public Decision {
        reasons = List.copyOf(reasons);
        skipped = Map.copyOf(skipped);
    }

    public boolean assigned() {
        return agent.isPresent();
    }

    /** Reasons and skipped agents in one line, for logs and the decision record. */
    public String summary() {
        String text = String.join("; ", reasons);
        if (!skipped.isEmpty()) {
            text += "; skipped " + String.join(", ", skipped.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList());
        }
        return text;
    }
}
