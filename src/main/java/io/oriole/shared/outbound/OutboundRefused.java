package io.oriole.shared.outbound;

import io.oriole.shared.Refusal;

/**
 * A URL the server must not call: it is not plain http(s), or its host is, or resolves to, an address inside the
 * platform's own networks (see {@link OutboundAddresses}). {@link #field()} names the input that holds the URL, for
 * example {@code baseUrl}.
 */
public class OutboundRefused extends Refusal {

    public enum Reason {
        /** Not an absolute http or https URL with a host, or a host that is no valid name or address. */
        INVALID_URL,
        /** The name has no address, so nothing could be checked before connecting. */
        UNRESOLVED_HOST,
        LOOPBACK, PRIVATE_NETWORK, LINK_LOCAL, UNSPECIFIED, MULTICAST,
        /** Carrier-grade NAT space, 100.64.0.0/10. */
        SHARED_NETWORK,
        /** A cloud provider's instance-metadata service, which hands out credentials. */
        METADATA,
        /** Reserved, benchmarking or broadcast space: nothing a tenant's endpoint lives in. */
        RESERVED
    }

    public OutboundRefused(Reason reason, String field, String host) {
        super(Kind.INVALID, reason, field, detail(reason, field, host));
    }

    private static String detail(Reason reason, String field, String host) {
        String what = field + " " + (host == null ? "" : "(" + host + ") ");
        return switch (reason) {
            case INVALID_URL -> field + " must be an absolute http or https URL with a valid host";
            case UNRESOLVED_HOST -> what + "does not resolve to any address";
            case LOOPBACK -> what + "points to this server (loopback)";
            case PRIVATE_NETWORK -> what + "points to a private network address";
            case LINK_LOCAL -> what + "points to a link-local address";
            case UNSPECIFIED -> what + "points to the unspecified address";
            case MULTICAST -> what + "points to a multicast address";
            case SHARED_NETWORK -> what + "points to carrier-grade NAT space (100.64.0.0/10)";
            case METADATA -> what + "points to a cloud metadata service";
            case RESERVED -> what + "points to a reserved address";
        };
    }
}
