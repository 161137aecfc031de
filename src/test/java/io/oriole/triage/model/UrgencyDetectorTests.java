package io.oriole.triage.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.oriole.triage.Urgency;

class UrgencyDetectorTests {

    @Test
    void wholeSystemDownInChineseIsUrgent() {
        assertThat(UrgencyDetector.detect("你们系统全挂了")).isEqualTo(Urgency.SYSTEM_DOWN);
        assertThat(UrgencyDetector.detect("所有用户都登不上了，怎么回事")).isEqualTo(Urgency.SYSTEM_DOWN);
        assertThat(UrgencyDetector.detect("网站打不开，大家都用不了")).isEqualTo(Urgency.SYSTEM_DOWN);
    }

    @Test
    void allUsersGettingServerErrorsIsSystemDown() {
        assertThat(UrgencyDetector.detect("all our users get 500 errors since 9am")).isEqualTo(Urgency.SYSTEM_DOWN);
        assertThat(UrgencyDetector.detect("Your website is completely down")).isEqualTo(Urgency.SYSTEM_DOWN);
        assertThat(UrgencyDetector.detect("is there an outage? nobody can open the dashboard"))
                .isEqualTo(Urgency.SYSTEM_DOWN);
    }

    @Test
    void paymentFailureIsCoreFunctionFailure() {
        assertThat(UrgencyDetector.detect("支付一直失败")).isEqualTo(Urgency.CORE_FUNCTION_FAILURE);
        assertThat(UrgencyDetector.detect("付不了款，点了没反应")).isEqualTo(Urgency.CORE_FUNCTION_FAILURE);
        assertThat(UrgencyDetector.detect("my card payment keeps getting declined")).isEqualTo(Urgency.CORE_FUNCTION_FAILURE);
        assertThat(UrgencyDetector.assess("支付一直失败").description()).isEqualTo("payment failure");
    }

    @Test
    void loginFailureIsCoreFunctionFailure() {
        assertThat(UrgencyDetector.detect("I can't log in since this morning")).isEqualTo(Urgency.CORE_FUNCTION_FAILURE);
        assertThat(UrgencyDetector.detect("我登不上账号了")).isEqualTo(Urgency.CORE_FUNCTION_FAILURE);
    }

    @Test
    void stolenAccountIsSecurityIncident() {
        assertThat(UrgencyDetector.detect("我的账号被盗了")).isEqualTo(Urgency.SECURITY_INCIDENT);
        assertThat(UrgencyDetector.detect("I think our customer data was leaked")).isEqualTo(Urgency.SECURITY_INCIDENT);
        assertThat(UrgencyDetector.detect("someone logged into my account from Brazil")).isEqualTo(Urgency.SECURITY_INCIDENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"请问怎么付款？", "how do I pay with PayPal?", "这款耳机有白色的吗", "please update my address",
            "what payment methods do you accept?", "登录页面在哪里"})
    void everydayQuestionsAreOrdinary(String message) {
        assertThat(UrgencyDetector.detect(message)).isEqualTo(Urgency.ORDINARY);
    }
}
