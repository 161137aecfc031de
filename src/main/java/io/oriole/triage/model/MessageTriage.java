package io.oriole.triage.model;

import java.time.Duration;
import java.util.List;

import io.oriole.customer.VipTier;
import io.oriole.triage.Category;
import io.oriole.triage.Complexity;
import io.oriole.triage.IntentMatch;
import io.oriole.triage.KeyFacts;
import io.oriole.triage.Language;
import io.oriole.triage.Sentiment;
import io.oriole.triage.TriageResult;

/**
 * One tenant's triage of one message: the rule-based readings (urgency, category, key facts,
 * sentiment, complexity) plus, when the tenant has trained them, its intent classifier and a
 * sentiment model. Immutable; a new instance replaces the old one when a model is retrained, so
 * messages never wait for training.
 */
public final class MessageTriage {

    /** What triage needs to know about the customer, beyond the message. */
    public record CustomerContext(VipTier vipTier, boolean recentNegativeFeedback, Duration waited) {

        public static CustomerContext ordinary() {
            return new CustomerContext(VipTier.NONE, false, Duration.ZERO);
        }
    }

    private final TextClassifier intents;
    private final TextClassifier sentimentModel;
    private final KeyFactExtractor facts;
    private final PriorityScorer scorer;

    /**
     * @param intents the tenant's intent classifier, or null when it has no labelled examples
     * @param sentimentModel a classifier with labels positive/negative, or null for the lexicon alone
     */
    public MessageTriage(TextClassifier intents, TextClassifier sentimentModel, List<String> catalogue,
            PriorityWeights weights) {
        this.intents = intents;
        this.sentimentModel = sentimentModel;
        this.facts = new KeyFactExtractor(catalogue);
        this.scorer = new PriorityScorer(weights);
    }

    public static MessageTriage rulesOnly() {
        return new MessageTriage(null, null, List.of(), PriorityWeights.defaults());
    }

    /** The tenant's intent classifier, null until one is trained. */
    public TextClassifier intents() {
        return intents;
    }

    public MessageTriage withIntents(TextClassifier newIntents) {
        return new MessageTriage(newIntents, sentimentModel, facts, scorer);
    }

    public MessageTriage withSentimentModel(TextClassifier newSentimentModel) {
        return new MessageTriage(intents, newSentimentModel, facts, scorer);
    }

    private MessageTriage(TextClassifier intents, TextClassifier sentimentModel, KeyFactExtractor facts,
            PriorityScorer scorer) {
        this.intents = intents;
        this.sentimentModel = sentimentModel;
        this.facts = facts;
        this.scorer = scorer;
    }

    public TriageResult triage(String text, CustomerContext customer) {
        return triage(text, customer, intent -> null);
    }

    /**
     * @param typicalHandling the usual time to resolve a conversation of an intent, null when unknown
     */
    public TriageResult triage(String text, CustomerContext customer,
            java.util.function.Function<String, java.time.Duration> typicalHandling) {
        Language language = LanguageDetector.detect(text);
        UrgencyDetector.Finding urgency = UrgencyDetector.assess(text);
        var categoryScores = CategoryClassifier.scores(text);
        Category category = CategoryClassifier.classify(text);
        KeyFacts found = facts.extract(text);
        Sentiment sentiment = SentimentLexicon.assess(text);
        // A model trained on one language says little about another; the lexicon covers both.
        if (sentimentModel != null && sentimentModel.language() == language) {
            TextClassifier.Prediction p = sentimentModel.predict(text);
            sentiment = SentimentLexicon.combine(sentiment, p.label().equals("negative") && p.probability() >= 0.8);
        }
        IntentMatch intent = IntentMatch.none();
        if (intents != null) {
            TextClassifier.Prediction p = intents.predict(text);
            intent = new IntentMatch(p.label(), p.probability(), p.outOfScope());
        }
        java.time.Duration usual = intent.intent() == null || intent.outOfScope() ? null
                : typicalHandling.apply(intent.intent());
        Complexity complexity = ComplexityEstimator.estimate(text, categoryScores.size(), found, urgency.urgency(),
                usual);
        var priority = scorer.score(new PriorityScorer.Inputs(urgency, customer.vipTier(), complexity,
                customer.recentNegativeFeedback(), sentiment, customer.waited()));
        return new TriageResult(language, category, intent, urgency.urgency(), sentiment, found, complexity, priority);
    }
}
