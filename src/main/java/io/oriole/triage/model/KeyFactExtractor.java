package io.oriole.triage.model;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.oriole.triage.Amount;
import io.oriole.triage.KeyFacts;

/**
 * Pulls order numbers, emails, phone numbers, money amounts and the tenant's catalogue products out
 * of a message. Examples: "订单号 20240518123456 退款 ¥199" gives order 20240518123456 and
 * 199 CNY; "call me on +44 20 7946 0958" gives the phone; "my order #A12-99812" gives A12-99812.
 * Order numbers need a cue word (订单, 单号, order) or a letter prefix followed by many digits, so
 * a phone number is not mistaken for an order. Product names match whole words in Latin text and
 * as substrings in Chinese, longest name first.
 */
public final class KeyFactExtractor {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern CN_MOBILE = Pattern.compile("(?<![\\d+])(?:\\+?86[ -]?)?(1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4})(?!\\d)");
    private static final Pattern INTL_PHONE = Pattern.compile("(?<![\\w+])\\+\\d{1,3}(?:[ -]?\\(?\\d{1,4}\\)?){2,5}(?!\\d)");
    private static final Pattern CN_LANDLINE = Pattern.compile("(?<!\\d)0\\d{2,3}-\\d{7,8}(?!\\d)");
    private static final Pattern ORDER_CUED = Pattern.compile(
            "(?:订单号?|单号|运单号?|order(?:\\s*(?:no\\.?|number|id|num|#))?)\\s*(?:is\\s+|是|为|:|：|#|＃)?\\s*#?\\s*"
                    + "([A-Za-z0-9][A-Za-z0-9-]{4,}[0-9])", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORDER_SHAPED = Pattern.compile("(?<![\\w-])#?([A-Z]{1,4}-?\\d{6,})(?![\\w-])");
    private static final Pattern AMOUNT_BEFORE = Pattern.compile(
            "(US\\$|\\$|¥|￥|RMB|USD|CNY)\\s?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern AMOUNT_AFTER = Pattern.compile(
            "(?<![\\d.])(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)\\s?(元|块钱|块|人民币|美元|美金|RMB|USD|CNY|dollars?|bucks)",
            Pattern.CASE_INSENSITIVE);

    private final List<String> catalogue;

    /** @param catalogue the tenant's product names, any language */
    public KeyFactExtractor(List<String> catalogue) {
        this.catalogue = catalogue.stream().filter(p -> !p.isBlank())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public KeyFacts extract(String message) {
        String text = Normalizer.normalize(message == null ? "" : message, Normalizer.Form.NFKC);
        Set<String> emails = all(EMAIL, text, 0);
        String withoutEmails = EMAIL.matcher(text).replaceAll(" ");
        Set<String> phones = new LinkedHashSet<>();
        for (String p : all(CN_MOBILE, withoutEmails, 1)) {
            phones.add(p.replaceAll("[ -]", ""));
        }
        phones.addAll(all(INTL_PHONE, withoutEmails, 0));
        phones.addAll(all(CN_LANDLINE, withoutEmails, 0));
        Set<String> orders = new LinkedHashSet<>();
        for (String o : all(ORDER_CUED, withoutEmails, 1)) {
            if (o.chars().filter(Character::isDigit).count() >= 4 && !phones.contains(o)) {
                orders.add(o.toUpperCase(Locale.ROOT));
            }
        }
        for (String o : all(ORDER_SHAPED, withoutEmails, 1)) {
            orders.add(o.toUpperCase(Locale.ROOT));
        }
        List<Amount> amounts = new ArrayList<>();
        Matcher m = AMOUNT_BEFORE.matcher(withoutEmails);
        while (m.find()) {
            amounts.add(new Amount(number(m.group(2)), currency(m.group(1))));
        }
        m = AMOUNT_AFTER.matcher(withoutEmails);
        while (m.find()) {
            amounts.add(new Amount(number(m.group(1)), currency(m.group(2))));
        }
        return new KeyFacts(List.copyOf(orders), List.copyOf(emails), List.copyOf(phones), amounts, products(text));
    }

    private List<String> products(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean[] taken = new boolean[lower.length()];
        List<String> found = new ArrayList<>();
        for (String product : catalogue) {
            String p = product.toLowerCase(Locale.ROOT);
            boolean latin = p.chars().anyMatch(c -> c < 0x250 && Character.isLetterOrDigit(c));
            int from = 0;
            int at;
            while ((at = lower.indexOf(p, from)) >= 0) {
                int end = at + p.length();
                boolean whole = !latin || (boundary(lower, at - 1) && boundary(lower, end));
                boolean free = true;
                for (int i = at; i < end; i++) {
                    free &= !taken[i];
                }
                if (whole && free) {
                    for (int i = at; i < end; i++) {
                        taken[i] = true;
                    }
                    if (!found.contains(product)) {
                        found.add(product);
                    }
                }
                from = at + 1;
            }
        }
        return found;
    }

    private static boolean boundary(String s, int i) {
        if (i < 0 || i >= s.length()) {
            return true;
        }
        char c = s.charAt(i);
        return !(c < 0x250 && Character.isLetterOrDigit(c));
    }

    private static Set<String> all(Pattern pattern, String text, int group) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.group(group).trim());
        }
        return out;
    }

    private static BigDecimal number(String s) {
        return new BigDecimal(s.replace(",", ""));
    }

    private static String currency(String symbol) {
        return switch (symbol.toLowerCase(Locale.ROOT)) {
            case "$", "us$", "usd", "美元", "美金", "dollar", "dollars", "bucks" -> "USD";
            default -> "CNY";
        };
    }
}
