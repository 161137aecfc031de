package io.oriole.triage.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.oriole.triage.Language;

/** Trains on a tiny tenant data set with the real English embedding model, loaded once. */
class TextClassifierTests {

    private static final Embedder EMBEDDER = new Embedder(1_000);
    private static TextClassifier classifier;

    @BeforeAll
    static void train() {
        classifier = TextClassifier.train(tenantIntents(), EMBEDDER, TextClassifier.Settings.defaults());
    }

    @Test
    void paraphraseOfATrainedIntentIsRecognised() {
        TextClassifier.Prediction p = classifier.predict("I would like my money back for this purchase");
        assertThat(p.label()).isEqualTo("refund");
        assertThat(p.outOfScope()).isFalse();
        assertThat(classifier.predict("when will my package be delivered").label()).isEqualTo("delivery");
    }

    @Test
    void outOfScopeMessageIsNotForcedIntoNearestIntent() {
        TextClassifier.Prediction p = classifier.predict("what's the weather like in Paris tomorrow?");
        assertThat(p.outOfScope()).isTrue();
        assertThat(p.probability()).isBetween(0.0, 1.0);
    }

    @Test
    void trainingIsDeterministicAndChosenFromTrainingDataOnly() {
        TextClassifier again = TextClassifier.train(tenantIntents(), EMBEDDER, TextClassifier.Settings.defaults());
        assertThat(again.temperature()).isEqualTo(classifier.temperature());
        assertThat(again.minProbability()).isEqualTo(classifier.minProbability());
        assertThat(again.predict("reset my password").probability())
                .isEqualTo(classifier.predict("reset my password").probability());
        assertThat(classifier.language()).isEqualTo(Language.EN);
    }

    private static List<LabelledText> tenantIntents() {
        List<LabelledText> examples = new ArrayList<>();
        add(examples, "refund", "I want a refund", "give me my money back", "how do I get reimbursed",
                "please refund my order", "can I get a refund for the broken item", "return the money to my card");
        add(examples, "delivery", "where is my parcel", "when does my order arrive", "track my shipment",
                "my package has not arrived yet", "how long is shipping", "delivery status of my order");
        add(examples, "password", "I forgot my password", "reset my password please", "can't remember my login password",
                "how do I change my password", "password reset link does not work", "recover my account password");
        add(examples, "invoice", "send me the invoice", "I need a receipt for my purchase", "where can I download invoices",
                "the invoice has the wrong company name", "can I get a VAT invoice", "invoice for last month");
        return examples;
    }

    private static void add(List<LabelledText> examples, String label, String... texts) {
        for (String t : texts) {
            examples.add(new LabelledText(t, label));
        }
    }
}
