package io.oriole.triage.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.oriole.customer.VipTier;
import io.oriole.triage.Category;
import io.oriole.triage.Complexity;
import io.oriole.triage.KeyFacts;
import io.oriole.triage.Language;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.Sentiment;
import io.oriole.triage.TriageResult;
import io.oriole.triage.Urgency;

/** The rule-based readings of a message, alone and together in {@link MessageTriage}. */
class MessageReadingTests {

    @Test
    void languageFollowsTheDominantScript() {
        assertThat(LanguageDetector.detect("我的订单还没到")).isEqualTo(Language.ZH);
        assertThat(LanguageDetector.detect("where is my parcel?")).isEqualTo(Language.EN);
        assertThat(LanguageDetector.detect("我的iPhone订单还没到")).isEqualTo(Language.ZH);
        assertThat(LanguageDetector.detect("please check my order 订单")).isEqualTo(Language.EN);
        assertThat(LanguageDetector.detect("12345 !!!", Language.ZH)).isEqualTo(Language.ZH);
    }

    @Test
    void categoriesFollowTheCustomerJourney() {
        assertThat(CategoryClassifier.classify("这款手机多少钱？有现货吗")).isEqualTo(Category.PRE_SALE);
        assertThat(CategoryClassifier.classify("where is my order, it hasn't shipped yet")).isEqualTo(Category.IN_SALE);
        assertThat(CategoryClassifier.classify("我要退货退款")).isEqualTo(Category.AFTER_SALE);
        assertThat(CategoryClassifier.classify("the app crashes with an error")).isEqualTo(Category.TECHNICAL);
        assertThat(CategoryClassifier.classify("为什么多扣了我一笔费用")).isEqualTo(Category.BILLING);
        assertThat(CategoryClassifier.classify("我要投诉你们的客服态度")).isEqualTo(Category.COMPLAINT);
        assertThat(CategoryClassifier.classify("你好")).isEqualTo(Category.OTHER);
    }

    @Test
    void angryAndNegativeMessagesAreSignalled() {
        assertThat(SentimentLexicon.assess("你们什么垃圾服务！！")).isEqualTo(Sentiment.ANGRY);
        assertThat(SentimentLexicon.assess("THIS IS TOTALLY UNACCEPTABLE")).isEqualTo(Sentiment.ANGRY);
        assertThat(SentimentLexicon.assess("快递太慢了")).isEqualTo(Sentiment.NEGATIVE);
        assertThat(SentimentLexicon.assess("I'm very disappointed")).isEqualTo(Sentiment.NEGATIVE);
        assertThat(SentimentLexicon.assess("谢谢，问题解决了")).isEqualTo(Sentiment.POSITIVE);
        assertThat(SentimentLexicon.assess("what time do you open?")).isEqualTo(Sentiment.NEUTRAL);
    }

    @Test
    void compoundUrgentRequestIsComplex() {
        String text = "All our users get 500 errors since 9am, and we were charged twice this month. "
                + "Can you check invoice INV-20240101 and order #A12-99812? Who can call me today?";
        var facts = new KeyFactExtractor(List.of()).extract(text);
        assertThat(ComplexityEstimator.estimate(text, CategoryClassifier.scores(text).size(), facts,
                UrgencyDetector.detect(text))).isEqualTo(Complexity.HIGH);
        assertThat(ComplexityEstimator.estimate("订单什么时候到？", 1, KeyFacts.none(), Urgency.ORDINARY))
                .isEqualTo(Complexity.LOW);
    }

    @Test
    void triageCombinesTheReadingsIntoAnExplainedPriority() {
        TriageResult r = MessageTriage.rulesOnly().triage("支付一直失败，订单号 20240518123456，气死了！！",
                new MessageTriage.CustomerContext(VipTier.GOLD, false, Duration.ofMinutes(12)));
        assertThat(r.language()).isEqualTo(Language.ZH);
        assertThat(r.urgency()).isEqualTo(Urgency.CORE_FUNCTION_FAILURE);
        assertThat(r.category()).isEqualTo(Category.BILLING);
        assertThat(r.sentiment()).isEqualTo(Sentiment.ANGRY);
        assertThat(r.facts().orderNumbers()).containsExactly("20240518123456");
        assertThat(r.intent().outOfScope()).isTrue();
        assertThat(r.priority().level()).isEqualTo(PriorityLevel.P1);
        assertThat(r.priority().explanation()).startsWith("P1: payment failure (+40), VIP gold (+20)")
                .contains("angry customer (+10)").endsWith("waited 12 min (+6)");
    }

    @Test
    void anIntentThatUsuallyTakesLongMakesAShortRequestMoreComplex() {
        String text = "我想改一下发票抬头";

        assertThat(ComplexityEstimator.estimate(text, 1, KeyFacts.none(), Urgency.ORDINARY, null))
                .isEqualTo(Complexity.LOW);
        assertThat(ComplexityEstimator.estimate(text, 1, KeyFacts.none(), Urgency.ORDINARY,
                java.time.Duration.ofMinutes(25))).isEqualTo(Complexity.LOW);
        assertThat(ComplexityEstimator.estimate(text, 1, KeyFacts.none(), Urgency.ORDINARY,
                java.time.Duration.ofMinutes(90))).isEqualTo(Complexity.MEDIUM);
    }
}
