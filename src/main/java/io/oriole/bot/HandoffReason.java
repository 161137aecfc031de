package io.oriole.bot;

/** Why the bot handed a conversation to people. */
public enum HandoffReason {
    /** The customer asked for a person ("转人工", "agent please"). */
    CUSTOMER_ASKED,
    /** The bot found no confident answer, or its answers did not help, {@code maxUnhelpful} times in a row. */
    NOT_ANSWERED,
    /** Triage found a system outage, failing core function or security incident. */
    URGENT,
    /** Triage found the customer upset. */
    NEGATIVE_SENTIMENT,
    /** The customer is VIP and the tenant serves VIPs by people. */
    VIP
}
