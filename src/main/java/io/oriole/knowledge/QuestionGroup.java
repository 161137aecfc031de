package io.oriole.knowledge;

import java.util.List;

/** Open questions that ask roughly the same thing; {@code questions.get(0)} is the earliest. */
public record QuestionGroup(List<OpenQuestion> questions, KnowledgeMatch nearestEntry) {

    public OpenQuestion representative() {
        return questions.get(0);
    }
}
