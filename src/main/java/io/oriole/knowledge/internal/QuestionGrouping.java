package io.oriole.knowledge.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.oriole.knowledge.OpenQuestion;
import io.oriole.knowledge.model.PairFeatures;
import io.oriole.knowledge.model.QuestionSimilarity;
import io.oriole.triage.Language;
import io.oriole.triage.model.Embedder;
import io.oriole.triage.model.LanguageDetector;

/**
 * Greedy single-pass grouping of open questions: each question joins the first group whose first question it
 * resembles with a {@link QuestionSimilarity} (a probability) of at least {@value #SAME_GROUP}, otherwise it starts a group.
 * Questions arrive oldest first, so a group is led by its earliest question. A few hundred questions take
 * milliseconds once embedded (the embedder caches).
 */
public final class QuestionGrouping {

    static final double SAME_GROUP = 0.6;

    private QuestionGrouping() {
    }

    public static List<List<OpenQuestion>> group(List<OpenQuestion> questions, Embedder embedder) {
        record Leader(Language language, PairFeatures.Side side, List<OpenQuestion> members) {
        }
        List<Leader> groups = new ArrayList<>();
        for (OpenQuestion q : questions) {
            Language language = LanguageDetector.detect(q.question());
            PairFeatures.Side side = PairFeatures.Side.of(q.question(), embedder.encode(q.question(), language));
            Leader home = null;
            for (Leader g : groups) {
                PairFeatures.Side other = g.language() == language ? g.side()
                        : new PairFeatures.Side(g.side().text(), null, g.side().terms(), g.side().words());
                if (QuestionSimilarity.DEFAULT.score(side, other) >= SAME_GROUP) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                groups.add(new Leader(language, side, new ArrayList<>(List.of(q))));
            }
            else {
                home.members().add(q);
            }
        }
        return groups.stream().map(Leader::members).sorted(Comparator.comparingInt(m -> -m.size()))
                .map(List::copyOf).toList();
    }
}
