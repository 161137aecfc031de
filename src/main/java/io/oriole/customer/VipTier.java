package io.oriole.customer;

/** VIP tiers, lowest first. NONE is an ordinary customer. */
public enum VipTier {
    NONE, SILVER, GOLD, PLATINUM
}
