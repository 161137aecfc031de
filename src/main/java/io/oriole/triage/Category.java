package io.oriole.triage;

/** Where a request sits in the customer's journey, or what kind of trouble it is. */
public enum Category {
    PRE_SALE, IN_SALE, AFTER_SALE, COMPLAINT, TECHNICAL, BILLING, OTHER
}
