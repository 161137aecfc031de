package io.oriole.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.oriole.routing.RoutingQueue;

class QueueMatcherTests {

    private static final Set<String> ANY = Set.of();
    private static final RoutingQueue VIP = new RoutingQueue("vip-desk", "VIP", 10, ANY, ANY, ANY, ANY,
            Set.of("GOLD", "PLATINUM"), ANY, ANY, "L2");
    private static final RoutingQueue BILLING = new RoutingQueue("billing", "Billing", 30, Set.of("BILLING"), ANY,
            ANY, ANY, ANY, ANY, Set.of("billing"), "L1");
    private static final RoutingQueue ENTERPRISE_PHONE = new RoutingQueue("ent-phone", "Enterprise phone", 20, ANY,
            ANY, Set.of("en"), Set.of("ENTERPRISE"), ANY, Set.of("PHONE"), Set.of("phone"), "L1");
    private static final List<RoutingQueue> QUEUES = List.of(VIP, ENTERPRISE_PHONE, BILLING);

    private static QueueMatcher.Facts facts(String category, String language, Set<String> segments, String vip,
            String channel) {
        return new QueueMatcher.Facts(category, null, language, segments, vip, channel);
    }

    @Test
    void goldCustomersBillingQuestionGoesToTheVipDeskFirst() {
        assertThat(QueueMatcher.match(QUEUES, facts("BILLING", "zh", Set.of("ENTERPRISE"), "GOLD", "CHAT")))
                .isEqualTo(VIP);
    }

    @Test
    void personalCustomersBillingQuestionGoesToBilling() {
        assertThat(QueueMatcher.match(QUEUES, facts("BILLING", "zh", Set.of("PERSONAL", "NEW"), "NONE", "CHAT")))
                .isEqualTo(BILLING);
    }

    @Test
    void everyConditionMustHoldForAQueueToMatch() {
        assertThat(QueueMatcher.match(QUEUES, facts("OTHER", "en", Set.of("ENTERPRISE"), "NONE", "PHONE")))
                .isEqualTo(ENTERPRISE_PHONE);
        assertThat(QueueMatcher.match(QUEUES, facts("OTHER", "zh", Set.of("ENTERPRISE"), "NONE", "PHONE")))
                .isEqualTo(QueueMatcher.GENERAL);
    }

    @Test
    void untriagedWorkWithoutACategoryFallsToTheGeneralLine() {
        assertThat(QueueMatcher.match(QUEUES, facts(null, null, Set.of(), "NONE", "CHAT")))
                .isEqualTo(QueueMatcher.GENERAL);
        assertThat(QueueMatcher.match(List.of(), facts("BILLING", "zh", Set.of(), "GOLD", "CHAT")))
                .isEqualTo(QueueMatcher.GENERAL);
    }
}
