package io.oriole.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import io.oriole.customer.VipTier;
import io.oriole.triage.Complexity;
import io.oriole.triage.Priority;
import io.oriole.triage.PriorityFactor;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.Sentiment;
import io.oriole.triage.model.PriorityScorer;
import io.oriole.triage.model.PriorityWeights;
import io.oriole.triage.model.UrgencyDetector;

/**
 * Every factor the scorer can produce reads in Chinese on a Chinese page and exactly as triage wrote it on an
 * English one, so the workspace never mixes languages in the one line that says why a conversation is urgent.
 */
class PriorityExplainerTests {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private final PriorityExplainer explainer = new PriorityExplainer(bundles());

    @Test
    void everyFactorTheScorerProducesHasAChineseWording() {
        List<PriorityFactor> all = everyFactor();
        assertThat(all).extracting(PriorityFactor::name)
                .contains("urgency", "vip", "complexity", "feedback", "sentiment", "waited");

        for (PriorityFactor factor : all) {
            String zh = explainer.factor(factor, ZH);
            assertThat(zh).as("zh wording of '%s'", factor.description())
                    .doesNotContain(factor.description()).containsPattern("\\p{IsHan}");
            assertThat(explainer.factor(factor, Locale.ENGLISH)).isEqualTo(factor.toString());
        }
    }

    @Test
    void explanationReadsInTheReadersLanguage() {
        Priority priority = new Priority(PriorityLevel.P1, 76, List.of(new PriorityFactor("urgency", "system down", 50),
                new PriorityFactor("vip", "VIP gold", 20), new PriorityFactor("waited", "waited 12 min", 6)));

        assertThat(explainer.explain(priority, Locale.ENGLISH)).isEqualTo(priority.explanation())
                .isEqualTo("P1: system down (+50), VIP gold (+20), waited 12 min (+6)");
        assertThat(explainer.explain(priority, ZH)).isEqualTo("P1：系统瘫痪 (+50)、黄金 VIP (+20)、已等待 12 分钟 (+6)");
    }

    @Test
    void overrideSaysWhoAndWhyInChinese() {
        PriorityFactor override = new PriorityFactor(PriorityFactor.OVERRIDE,
                "set to P1 by 陈静 (triage said P3): 客户是上市公司, 合同约定一小时响应", 0);

        assertThat(explainer.factor(override, ZH)).isEqualTo("陈静 将优先级设为 P1（分诊结果为 P3）：客户是上市公司, 合同约定一小时响应");
        assertThat(explainer.factor(override, Locale.ENGLISH)).isEqualTo(override.description());
    }

    @Test
    void unknownWordingIsShownAsTriageWroteIt() {
        assertThat(explainer.factor(new PriorityFactor("custom", "contract penalty", 15), ZH))
                .isEqualTo("contract penalty (+15)");
        assertThat(explainer.explain(new Priority(PriorityLevel.P4, 0, List.of()), ZH)).isEqualTo("P4：无紧急因素");
    }

    private static List<PriorityFactor> everyFactor() {
        PriorityScorer scorer = new PriorityScorer(PriorityWeights.defaults());
        List<UrgencyDetector.Finding> urgencies = List.of(UrgencyDetector.assess("你们系统全挂了"),
                UrgencyDetector.assess("我的账号被盗了"), UrgencyDetector.assess("支付一直失败"),
                UrgencyDetector.assess("login keeps failing, I cannot log in"), UrgencyDetector.assess("下单一直失败，提交订单报错"));
        List<PriorityFactor> factors = new ArrayList<>();
        for (UrgencyDetector.Finding urgency : urgencies) {
            for (VipTier tier : VipTier.values()) {
                for (Complexity complexity : Complexity.values()) {
                    for (Sentiment sentiment : Sentiment.values()) {
                        factors.addAll(scorer.score(new PriorityScorer.Inputs(urgency, tier, complexity, true,
                                sentiment, Duration.ofMinutes(12))).factors());
                    }
                }
            }
        }
        assertThat(urgencies).extracting(UrgencyDetector.Finding::description)
                .contains("system down", "security incident", "payment failure", "login failure", "ordering failure");
        return factors.stream().distinct().toList();
    }

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
