package io.oriole.customer;

public enum CustomerKind {
    PERSONAL, ENTERPRISE
}
