package io.oriole.bot.model;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises a customer asking for a person, in Chinese and English, by rules over real phrasing. A request
 * must name a person-like target ("人工", "客服", "真人", "human", "agent", "representative", …) in a
 * requesting frame; negations and other senses are excluded first.
 * <p>
 * Worked examples: "转人工" ✓, "我要找真人" ✓, "能不能帮我接一下人工客服" ✓, "agent please" ✓,
 * "can I talk to a human?" ✓, "put me through to a real person" ✓; but "不用转人工了，谢谢" ✗,
 * "人工智能能帮我查订单吗" ✗, "I am an agent of the company" ✗, "my travel agent booked it" ✗,
 * "no need for a human, thanks" ✗.
 */
public final class HandoffDetector {

    private static final List<Pattern> ZH_NOT = List.of(
            Pattern.compile("(不用|不要|不需要|无需|别|不必)(转|找|接)?(人工|真人|客服)"),
            Pattern.compile("人工智能"));
    private static final List<Pattern> ZH_ASK = List.of(
            Pattern.compile("转(接)?(到)?(人工|真人|客服)"),
            Pattern.compile("人工(客服|服务|坐席|座席|接待)"),
            Pattern.compile("(找|要|接|叫|换|联系|呼叫|请)(一?个|一下)?(你们的?)?(人工|真人|活人|客服|工作人员|客服人员)"),
            Pattern.compile("(真人|活人)(客服|回复|回答|聊)?"),
            Pattern.compile("^\\s*人工\\s*[!！。.？?]*\\s*$"),
            Pattern.compile("(和|跟|与)(人|真人|客服|人工)(说话|聊|沟通|对话)"));

    private static final List<Pattern> EN_NOT = List.of(
            Pattern.compile("\\b(i am|i'm|im|we are|we're|as) (an? |the )?(\\w+ )?(agent|representative|rep)\\b"),
            Pattern.compile("\\b(travel|real estate|insurance|user|estate|booking|shipping|customs|secret|free) agents?\\b"),
            Pattern.compile("\\b(no need|don't need|do not need|dont need|don't want|do not want|without)\\b[^.!?]*"
                    + "\\b(human|person|agent|representative|operator)\\b"),
            Pattern.compile("\\bagent (of|for) (the|our|your|a|this)\\b"));
    private static final List<Pattern> EN_ASK = List.of(
            Pattern.compile("\\b(talk|speak|chat|connect|transfer|put|get|escalate|hand)\\b[^.!?]{0,30}"
                    + "\\b(human|person|people|agent|representative|rep|operator|someone|somebody|staff|support team)\\b"),
            Pattern.compile("^\\s*(an? )?(live |real |human )?(agent|human|operator|representative|person)"
                    + "( please| pls| now)?\\s*[.!?]*\\s*$"),
            Pattern.compile("\\b(live|real|human) (agent|person|human|support|chat|representative)\\b"),
            Pattern.compile("\\b(agent|human|operator|representative) (please|pls|now)\\b"),
            Pattern.compile("\\b(i want|i need|i'd like|give me|let me have)\\b[^.!?]{0,15}\\b(human|person|agent|representative|operator)\\b"),
            Pattern.compile("\\bnot (a|this) (bot|robot|machine)\\b"));

    private HandoffDetector() {
    }

    public static boolean asksForHuman(String message) {
        if (message == null || message.isBlank()) {
            return false;
        }
        String t = Normalizer.normalize(message, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('’', '\'').strip();
        boolean zh = ZH_ASK.stream().anyMatch(p -> p.matcher(t).find())
                && ZH_NOT.stream().noneMatch(p -> p.matcher(t).find());
        boolean en = EN_ASK.stream().anyMatch(p -> p.matcher(t).find())
                && EN_NOT.stream().noneMatch(p -> p.matcher(t).find());
        return zh || en;
    }
}
