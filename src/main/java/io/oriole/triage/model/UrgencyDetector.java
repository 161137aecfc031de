package io.oriole.triage.model;

import java.util.List;
import java.util.regex.Pattern;

import io.oriole.triage.Urgency;

/**
 * Finds urgent situations in real phrasing, Chinese and English. Each class is a few patterns that
 * pair a subject with a failure ("支付" + "失败|不了", "all users" + "error") rather than single
 * keywords, so "how do I pay?" stays ordinary while "付款一直不成功" does not.
 *
 * <p>Checked in order: security incident, system down, core function failure. Examples:
 * "我的账号被盗了" → SECURITY_INCIDENT; "你们系统全挂了", "all our users get 500 errors since 9am" →
 * SYSTEM_DOWN; "支付一直失败", "I can't log in" → CORE_FUNCTION_FAILURE.
 */
public final class UrgencyDetector {

    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final List<Pattern> SECURITY = List.of(
            Pattern.compile("被盗|盗号|盗刷|被黑|黑客|泄露|泄漏|外泄|被人登录|异地登录|陌生(设备|人).{0,6}登录|钓鱼|诈骗|被骗|未经授权"),
            Pattern.compile("\\b(hack(ed|er|ers)?|breach(ed)?|leak(ed|s)?|compromised|stolen|phishing|fraud(ulent)?"
                    + "|identity theft|ransomware|malware)\\b", F),
            Pattern.compile("\\bunauthori[sz]ed\\s+(access|login|log-in|charges?|transactions?|payments?)\\b", F),
            Pattern.compile("\\bsomeone (else )?(logged|is logging|got) into my account\\b", F));

    private static final List<Pattern> SYSTEM_DOWN = List.of(
            Pattern.compile("(全|都)(挂|崩|瘫)|挂掉了|宕机|瘫痪|崩溃了|崩了|服务器.{0,4}(挂|崩|打不开|连不上)|系统.{0,4}(挂|崩|打不开|用不了|无法(访问|使用))"),
            Pattern.compile("(所有|全部|整个|全体)(的)?(用户|客户|人|员工|门店|页面|服务|功能|系统).{0,10}"
                    + "(不了|不上|不能|无法|失败|报错|错误|异常|打不开|没反应|挂)"),
            Pattern.compile("(大家|谁)都(登不上|登录不了|用不了|打不开|访问不了|进不去)|网站.{0,4}(打不开|进不去|访问不了)"),
            Pattern.compile("\\b(outage|downtime|site[- ]wide|service unavailable|5\\d\\d errors?|error 5\\d\\d|http 5\\d\\d)\\b", F),
            Pattern.compile("\\b(site|website|system|service|server|servers|platform|app|api|everything|dashboard)"
                    + "\\s+(is|are|has been|have been|went|goes|seems)?\\s*(completely |totally |all )?(down|offline|unreachable)\\b", F),
            Pattern.compile("\\b(all|none of)\\s+(of\\s+)?(our|my|the)?\\s*(users|customers|staff|employees|stores)\\b"
                    + ".{0,40}\\b(can'?t|cannot|unable|errors?|fail(s|ing|ed)?|down|not working)\\b", F),
            Pattern.compile("\\b(nobody|no one|no-one)\\s+can\\b", F));

    private static final String CORE_SUBJECT = "(支付|付款|付钱|扣款|充值|结账|下单|登录|登陆|注册|提现|转账|收款)";
    private static final List<Pattern> CORE_FAILURE = List.of(
            Pattern.compile(CORE_SUBJECT + ".{0,8}(失败|不了|不上|不成功|没成功|报错|出错|错误|异常|卡住|没反应|无法)"),
            Pattern.compile("(无法|不能|没法|没办法)" + CORE_SUBJECT),
            Pattern.compile("(付|支付|登|登录|下|提)不了(款|单|钱|现)?|登不上|付不了"),
            Pattern.compile("\\b(payments?|checkout|check-out|login|log-in|sign-in|orders?|transactions?|card)\\b"
                    + ".{0,30}\\b(fail(s|ed|ing|ure)?|declined|rejected|broken|error|not going through|doesn'?t work|not working)\\b", F),
            Pattern.compile("\\b(can'?t|cannot|can not|unable to|couldn'?t)\\s+(make (a |the )?)?"
                    + "(pay|log ?in|sign ?in|check ?out|place (an |my |the )?orders?|order|payment|withdraw|transfer)\\b", F));

    /** Which core function failed, for the explanation. */
    private static final Pattern PAYMENT = Pattern.compile("支付|付款|付钱|付不了|扣款|充值|结账|提现|转账|收款"
            + "|\\b(pay\\w*|checkout|check out|card|transactions?|withdraw|transfer)\\b", F);
    private static final Pattern LOGIN = Pattern.compile("登|注册|\\b(log ?in|log-in|sign ?in|sign-in)\\b", F);

    private UrgencyDetector() {
    }

    /** What was found and a short description for priority explanations ("payment failure"). */
    public record Finding(Urgency urgency, String description) {
    }

    public static Finding assess(String text) {
        Urgency urgency = detect(text);
        String t = TextFeatures.normalise(text);
        String description = switch (urgency) {
            case SYSTEM_DOWN -> "system down";
            case SECURITY_INCIDENT -> "security incident";
            case CORE_FUNCTION_FAILURE -> PAYMENT.matcher(t).find() ? "payment failure"
                    : LOGIN.matcher(t).find() ? "login failure" : "ordering failure";
            case ORDINARY -> "ordinary request";
        };
        return new Finding(urgency, description);
    }

    public static Urgency detect(String text) {
        String t = TextFeatures.normalise(text);
        if (matches(SECURITY, t)) {
            return Urgency.SECURITY_INCIDENT;
        }
        if (matches(SYSTEM_DOWN, t)) {
            return Urgency.SYSTEM_DOWN;
        }
        if (matches(CORE_FAILURE, t)) {
            return Urgency.CORE_FUNCTION_FAILURE;
        }
        return Urgency.ORDINARY;
    }

    private static boolean matches(List<Pattern> patterns, String text) {
        for (Pattern p : patterns) {
            if (p.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }
}
