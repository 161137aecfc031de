package io.oriole.triage.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.oriole.triage.Category;

/**
 * Places a message in the customer journey with bilingual cue phrases; each cue found scores one
 * point for its category and the highest score wins. Ties go to the category listed first in
 * {@link #ORDER} (a complaint about a refund is a complaint). Examples: "这款手机多少钱？有现货吗" →
 * PRE_SALE; “where is my order, it hasn't shipped” → IN_SALE; "我要退货退款" → AFTER_SALE;
 * "the app crashes when I log in" → TECHNICAL; "为什么多扣了我一笔费用" → BILLING; no cue → OTHER.
 */
public final class CategoryClassifier {

    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final List<Category> ORDER = List.of(Category.COMPLAINT, Category.TECHNICAL, Category.BILLING,
            Category.AFTER_SALE, Category.IN_SALE, Category.PRE_SALE);
    private static final Map<Category, Pattern> CUES = new EnumMap<>(Map.of(
            Category.PRE_SALE, Pattern.compile(
                    "多少钱|价格|报价|优惠|折扣|有货|现货|库存|推荐|哪款|区别|规格|参数|试用|想买|购买前|支持.{0,6}吗"
                            + "|\\b(how much|price|pricing|quote|discount|coupon|in stock|available|recommend\\w*|difference"
                            + "|compare|specs?|trial|demo|before (i )?buy\\w*|want to buy|does it support)\\b", F),
            Category.IN_SALE, Pattern.compile(
                    "发货|物流|快递|配送|送到|到哪|什么时候到|还没到|改地址|修改地址|取消订单|订单状态|催单|下单后"
                            + "|\\b(ship\\w*|deliver\\w*|track\\w*|where is my (order|package|parcel)|cancel (my |the |an )?order"
                            + "|change (the |my )?(shipping )?address|order status|not (arrived|received))\\b", F),
            Category.AFTER_SALE, Pattern.compile(
                    "退货|退款|换货|维修|保修|售后|坏了|质量问题|破损|安装|退换|补发"
                            + "|\\b(return\\w*|refund\\w*|exchange|repair\\w*|warranty|defective|damaged|replace\\w*)\\b", F),
            Category.COMPLAINT, Pattern.compile(
                    "投诉|差评|态度|举报|曝光|不满|太差|12315|骗子"
                            + "|\\b(complain\\w*|rude|unacceptable|scam|terrible service|speak to (a |your )?manager|disgrace\\w*)\\b", F),
            Category.TECHNICAL, Pattern.compile(
                    "报错|错误|bug|闪退|打不开|登录|登不上|登陆|密码|验证码|崩溃|卡顿|接口|系统|挂了|宕机|网站|页面|app"
                            + "|\\b(error\\w*|crash\\w*|bugs?|log ?in|sign ?in|password|not working|install\\w*|setup|set up"
                            + "|configur\\w*|timeout|outage|down|api|website|site|5\\d\\d)\\b", F),
            Category.BILLING, Pattern.compile(
                    "发票|账单|扣费|扣款|多扣|收费|付款|支付|充值|余额|订阅|续费|费用|信用卡"
                            + "|\\b(invoice\\w*|bill\\w*|charg\\w*|payments?|pay|subscription|renew\\w*|credit card|receipt|fee)\\b", F)));

    private CategoryClassifier() {
    }

    public static Category classify(String text) {
        Map<Category, Integer> scores = scores(text);
        Category best = Category.OTHER;
        int bestScore = 0;
        for (Category c : ORDER) {
            int s = scores.getOrDefault(c, 0);
            if (s > bestScore) {
                best = c;
                bestScore = s;
            }
        }
        return best;
    }

    /** Cue counts per category; more than one non-zero category hints at a compound request. */
    public static Map<Category, Integer> scores(String text) {
        String t = TextFeatures.normalise(text);
        Map<Category, Integer> scores = new EnumMap<>(Category.class);
        for (var e : CUES.entrySet()) {
            Matcher m = e.getValue().matcher(t);
            int n = 0;
            while (m.find()) {
                n++;
            }
            if (n > 0) {
                scores.put(e.getKey(), n);
            }
        }
        return scores;
    }
}
