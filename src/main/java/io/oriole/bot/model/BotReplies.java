package io.oriole.bot.model;

import io.oriole.bot.StaffAvailability.Availability;
import io.oriole.triage.Language;

/** What the bot says, in the language the customer wrote in. Plain text; the widget renders it as-is. */
public final class BotReplies {

    private BotReplies() {
    }

    public static String noMatch(Language l) {
        return l == Language.ZH
                ? "抱歉，我没有找到确切的答案。能换个说法再描述一下吗？也可以输入“转人工”联系客服。"
                : "Sorry, I could not find an answer to that. Could you put it another way? You can also type "
                        + "\"agent\" to talk to a person.";
    }

    public static String notHelpful(Language l) {
        return l == Language.ZH
                ? "抱歉没能帮到您。请再具体描述一下问题，或输入“转人工”联系客服。"
                : "Sorry that did not help. Could you tell me a little more? You can also type \"agent\" to talk to "
                        + "a person.";
    }

    public static String handoff(Language l, Availability availability) {
        return switch (availability) {
            case AVAILABLE -> l == Language.ZH
                    ? "正在为您转接人工客服，客服会看到我们之前的对话，您无需重复描述。"
                    : "Connecting you to an agent. They will see our conversation so far, so you will not need to "
                            + "repeat yourself.";
            case OUTSIDE_BUSINESS_HOURS -> l == Language.ZH
                    ? "现在是非工作时间，暂时没有客服可以立即回复。您的对话已进入排队，客服上班后会第一时间回复您。"
                    : "It is outside our business hours, so no agent can reply right now. Your conversation is in "
                            + "the queue and an agent will answer as soon as they are back.";
            case NOBODY_ONLINE -> l == Language.ZH
                    ? "目前没有客服在线。您的对话已进入排队，客服上线后会第一时间回复您。"
                    : "No agent is online right now. Your conversation is in the queue and an agent will answer as "
                            + "soon as one is available.";
        };
    }
}
