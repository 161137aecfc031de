package io.oriole.sla.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.oriole.conversation.Channel;
import io.oriole.customer.CustomerKind;
import io.oriole.customer.VipTier;
import io.oriole.sla.Escalation;
import io.oriole.sla.MatchFacts;
import io.oriole.sla.PolicyConditions;
import io.oriole.sla.SlaPolicy;
import io.oriole.sla.SlaTargets;
import io.oriole.triage.Category;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.Urgency;

class PolicyMatcherTests {

    static SlaPolicy policy(long id, String name, int position, PolicyConditions conditions) {
        return new SlaPolicy(id, name, position, true, conditions, SlaTargets.minutes(15, 15, 240), null, 75,
                Duration.ofMinutes(5), Escalation.none(), Set.of());
    }

    static final List<SlaPolicy> POLICIES = List.of(
            policy(3, "Normal", 100, PolicyConditions.any()),
            policy(1, "P1 urgent", 10, new PolicyConditions(Set.of(PriorityLevel.P1), null, null, null, null, null,
                    null)),
            policy(2, "Security", 20, new PolicyConditions(null, null, null, null, null, null,
                    Set.of(Urgency.SECURITY_INCIDENT))));

    static MatchFacts facts(PriorityLevel level, Urgency urgency) {
        return new MatchFacts(level, VipTier.NONE, CustomerKind.PERSONAL, Channel.CHAT, Category.TECHNICAL, null,
                urgency);
    }

    @Test
    void firstMatchingPolicyByPositionApplies() {
        assertThat(PolicyMatcher.match(POLICIES, facts(PriorityLevel.P1, Urgency.SECURITY_INCIDENT)))
                .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("P1 urgent"));
        assertThat(PolicyMatcher.match(POLICIES, facts(PriorityLevel.P3, Urgency.SECURITY_INCIDENT)))
                .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("Security"));
    }

    @Test
    void untriagedConversationGetsTheCatchAllPolicy() {
        assertThat(PolicyMatcher.match(POLICIES, new MatchFacts(null, VipTier.NONE, CustomerKind.PERSONAL,
                Channel.CHAT, null, null, null))).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("Normal"));
    }

    @Test
    void disabledPoliciesAreSkipped() {
        SlaPolicy off = new SlaPolicy(9, "Off", 1, false, PolicyConditions.any(), SlaTargets.minutes(1, 1, 1), null,
                50, null, Escalation.none(), Set.of());
        assertThat(PolicyMatcher.match(List.of(off), facts(PriorityLevel.P1, Urgency.ORDINARY))).isEmpty();
    }

    @Test
    void vipAndChannelConditionsMustAllMatch() {
        SlaPolicy vipChat = policy(5, "VIP chat", 5, new PolicyConditions(null, Set.of(VipTier.GOLD,
                VipTier.PLATINUM), null, Set.of(Channel.CHAT), null, null, null));
        MatchFacts gold = new MatchFacts(PriorityLevel.P2, VipTier.GOLD, CustomerKind.ENTERPRISE, Channel.CHAT, null,
                null, null);
        MatchFacts goldByEmail = new MatchFacts(PriorityLevel.P2, VipTier.GOLD, CustomerKind.ENTERPRISE,
                Channel.EMAIL, null, null, null);

        assertThat(PolicyMatcher.match(List.of(vipChat), gold)).isPresent();
        assertThat(PolicyMatcher.match(List.of(vipChat), goldByEmail)).isEmpty();
    }
}
