package io.oriole.triage.model;

import java.util.ArrayList;
import java.util.List;

import io.oriole.triage.Language;

/** Turns text into a dense vector in the space of the given language's model. */
@FunctionalInterface
public interface TextEncoder {

    float[] encode(String text, Language language);

    /** Batch form; implementations may parallelise. */
    default List<float[]> encodeAll(List<String> texts, Language language) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(encode(text, language));
        }
        return out;
    }
}
