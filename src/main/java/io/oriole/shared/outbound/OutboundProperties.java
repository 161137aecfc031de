package io.oriole.shared.outbound;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the platform operator allows the server to call beyond public addresses.
 *
 * @param allowedHosts host names (exact, case and a trailing dot ignored), addresses or CIDRs such as
 *        {@code 10.20.0.0/16}; empty by default, so a tenant's URL may only lead to public addresses
 */
@ConfigurationProperties("oriole.outbound")
public record OutboundProperties(List<String> allowedHosts) {

    public OutboundProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }
}
