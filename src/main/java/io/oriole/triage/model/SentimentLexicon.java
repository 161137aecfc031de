package io.oriole.triage.model;

import java.util.regex.Pattern;

import io.oriole.triage.Sentiment;

/**
 * A small bilingual lexicon for the mood of a support message, used when the tenant has no trained
 * sentiment model. Strong words, repeated exclamation marks and shouting in capitals mean ANGRY
 * ("你们什么垃圾服务！！", "THIS IS UNACCEPTABLE"); milder complaint words mean NEGATIVE ("太慢了",
 * "very disappointed"); thanks and praise without complaint mean POSITIVE.
 */
public final class SentimentLexicon {

    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern ANGRY = Pattern.compile(
            "垃圾|气死|坑人|骗子|骗钱|恶心|投诉你们|曝光|12315|什么破|太过分|忍无可忍|受够了|退钱|无耻|太坑"
                    + "|\\b(furious|outraged|ridiculous|unacceptable|disgusting|scam|scammers?|fraudsters?|pathetic"
                    + "|worst|hate|fed up|sick of|wtf|damn|lawyer|sue you)\\b", F);
    private static final Pattern NEGATIVE = Pattern.compile(
            "差评|太差|很差|失望|不满|生气|着急|太慢|慢死|还没(到|收到|发货|解决|回复)|一直没|怎么回事|无语|糟糕|不行|难用|投诉|麻烦死"
                    + "|\\b(disappointed|disappointing|terrible|awful|bad|poor|angry|upset|annoyed|frustrat\\w*|useless"
                    + "|broken|still (not|no|haven'?t|waiting)|no one (answers|replied|helps)|complain\\w*|unhappy|slow)\\b", F);
    private static final Pattern POSITIVE = Pattern.compile(
            "谢谢|感谢|满意|很好|不错|好评|赞|棒|辛苦了|\\b(thanks?|thank you|great|excellent|love|awesome|perfect|happy|appreciate\\w*)\\b", F);
    private static final Pattern SHOUTING = Pattern.compile("\\b[A-Z]{4,}(\\s+[A-Z]{2,}){2,}\\b");
    private static final Pattern EXCLAMATIONS = Pattern.compile("[!！]{2,}|[?？][!！]|[!！][?？]");

    private SentimentLexicon() {
    }

    public static Sentiment assess(String text) {
        String raw = text == null ? "" : text;
        String t = TextFeatures.normalise(raw);
        boolean negative = NEGATIVE.matcher(t).find();
        if (ANGRY.matcher(t).find() || SHOUTING.matcher(raw).find()
                || (negative && EXCLAMATIONS.matcher(raw).find())) {
            return Sentiment.ANGRY;
        }
        if (negative) {
            return Sentiment.NEGATIVE;
        }
        return POSITIVE.matcher(t).find() ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
    }

    /** Lexicon and a trained model combined: the model may only make a neutral/positive reading negative. */
    public static Sentiment combine(Sentiment lexicon, boolean modelSaysNegative) {
        if (lexicon.isNegative() || !modelSaysNegative) {
            return lexicon;
        }
        return Sentiment.NEGATIVE;
    }
}
