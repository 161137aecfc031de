package io.oriole.bot.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandoffDetectorTests {

    @ParameterizedTest
    @ValueSource(strings = { "转人工", "人工客服", "我要找真人", "人工", "人工！", "帮我转接人工服务", "能不能帮我接一下人工客服",
            "我要找你们的客服", "请转人工，机器人听不懂", "我想和真人聊", "叫个活人来", "给我找个人工客服行吗",
            "talk to a human", "agent please", "Agent", "human please", "Can I speak to a real person?",
            "I want to talk to someone", "put me through to a representative", "connect me with an agent",
            "live agent", "I need a human", "this is useless, get me a person", "not a bot please",
            "Can I chat with your support team?" })
    void recognisesAskingForAPerson(String message) {
        assertThat(HandoffDetector.asksForHuman(message)).as(message).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "I am an agent of the company", "I'm a travel agent booking for a client",
            "my travel agent booked it", "no need for a human, thanks", "I don't need an agent", "不用转人工了，谢谢",
            "不需要人工", "人工智能能帮我查订单吗", "怎么修改收货地址", "How do I change my delivery address?",
            "The human resources department needs an invoice", "where is my order", "订单什么时候发货",
            "your user agent string is wrong", "" })
    void leavesOrdinaryQuestionsAndOtherSensesAlone(String message) {
        assertThat(HandoffDetector.asksForHuman(message)).as(message).isFalse();
    }
}
