package io.oriole.shared.outbound;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.oriole.shared.outbound.OutboundRefused.Reason;

/**
 * Which URLs the server may call on a tenant's behalf. A tenant admin types the URL (a generative-answer endpoint, a
 * webhook) but the server makes the call from inside the platform's network, with the tenant's secrets and its
 * customers' words in it; so the host must resolve only to public addresses. Refused: loopback, private (RFC 1918,
 * {@code fc00::/7}, site-local), link-local ({@code 169.254/16}, {@code fe80::/10}), unspecified ({@code 0/8},
 * {@code ::}), multicast, carrier-grade NAT ({@code 100.64/10}), reserved and benchmarking space, cloud metadata
 * addresses and names, and the IPv6 forms that carry one of those IPv4 addresses (mapped, compatible, NAT64, 6to4).
 * Every address a name resolves to is checked, not just the first one.
 *
 * <p>Hosts are read the way a browser or {@code curl} would read them, so that spelling an address differently
 * does not slip past: {@code http://2130706433/}, {@code http://0x7f.1/} and {@code http://0177.0.0.1/} are all
 * {@code 127.0.0.1}; {@code localhost}, {@code *.localhost} and a trailing dot ({@code localhost.}) are loopback
 * without asking DNS.
 *
 * <p>The platform operator may allow hosts ({@code oriole.outbound.allowed-hosts}): a name allows exactly that
 * host, an address or CIDR allows whatever resolves into it. For example, with
 * {@code allowed-hosts: [llm.corp.internal, 10.20.0.0/16]}:
 * <pre>
 * https://api.openai.com/v1          allowed (public addresses)
 * http://llm.corp.internal:8000/v1    allowed by name, wherever it resolves
 * http://10.20.3.4/v1                 allowed by range
 * http://10.30.0.1/v1                 PRIVATE_NETWORK
 * http://169.254.169.254/latest       METADATA
 * http://[::ffff:127.0.0.1]/          LOOPBACK
 * </pre>
 *
 * <p>Two moments use it: {@link #checkSetting} when the URL is saved (a name that does not resolve yet passes:
 * there is nothing to reach) and {@link #checkConnection} right before each request, because DNS may answer
 * differently later. Plain Java, no Spring; {@link OutboundHttp} applies it to HTTP clients.
 */
public final class OutboundAddresses {

    /** Looks a host name up; {@link #system()} asks the JVM, tests give a fixed answer. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** The JVM's resolver, whose address cache the JDK HTTP client shares (see {@link OutboundHttp}). */
    public static Resolver system() {
        return host -> Arrays.asList(InetAddress.getAllByName(host));
    }

    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata.goog",
            "metadata.azure.internal", "instance-data", "instance-data.ec2.internal");

    private final Set<String> allowedNames = new HashSet<>();
    private final List<Cidr> allowedRanges = new ArrayList<>();
    private final Resolver resolver;

    /**
     * @param allowedHosts host names, addresses or CIDRs ({@code 10.0.0.0/8}, {@code fd00::/8}) the operator allows
     * @throws IllegalArgumentException naming an entry that is neither a name nor a valid address or range
     */
    public OutboundAddresses(Collection<String> allowedHosts, Resolver resolver) {
        this.resolver = resolver;
        for (String entry : allowedHosts == null ? List.<String>of() : allowedHosts) {
            String e = entry == null ? "" : normalize(entry.strip());
            if (e.isEmpty()) {
                continue;
            }
            Optional<Cidr> range = Cidr.parse(e);
            if (range.isPresent()) {
                allowedRanges.add(range.get());
            }
            else if (e.contains("/") || e.contains(":") || e.contains("*") || e.matches("[0-9.]+")) {
                throw new IllegalArgumentException("oriole.outbound.allowed-hosts: '" + entry
                        + "' is neither a host name nor an address or CIDR");
            }
            else {
                allowedNames.add(e);
            }
        }
    }

    /** Nothing allowed beyond public addresses, looked up by the JVM. */
    public static OutboundAddresses publicOnly() {
        return new OutboundAddresses(List.of(), system());
    }

    /**
     * Checks a URL as it is saved. A name that does not resolve passes, since nothing can be reached through it
     * now; {@link #checkConnection} refuses it later if it then resolves somewhere forbidden.
     *
     * @throws OutboundRefused naming {@code field}
     */
    public void checkSetting(String url, String field) {
        check(url, field, false);
    }

    /**
     * Checks a URL right before the server connects to it: every address the host resolves to now must be
     * allowed, and a host without any address is refused.
     *
     * @return the addresses checked (empty for a host the operator allowed by name)
     * @throws OutboundRefused naming {@code field}
     */
    public List<InetAddress> checkConnection(String url, String field) {
        return check(url, field, true);
    }

    private List<InetAddress> check(String url, String field, boolean connecting) {
        String host = host(url, field);
        if (allowedNames.contains(host)) {
            return List.of();
        }
        List<InetAddress> addresses;
        Optional<InetAddress> literal = literal(host, field);
        if (literal.isPresent()) {
            addresses = List.of(literal.get());
        }
        else {
            if (host.equals("localhost") || host.endsWith(".localhost")) {
                throw new OutboundRefused(Reason.LOOPBACK, field, host);
            }
            if (METADATA_NAMES.contains(host)) {
                throw new OutboundRefused(Reason.METADATA, field, host);
            }
            try {
                addresses = resolver.resolve(host);
            }
            catch (UnknownHostException e) {
                addresses = List.of();
            }
            if (addresses.isEmpty()) {
                if (connecting) {
                    throw new OutboundRefused(Reason.UNRESOLVED_HOST, field, host);
                }
                return List.of();
            }
        }
        for (InetAddress address : addresses) {
            if (allowedRanges.stream().noneMatch(r -> r.contains(address))) {
                Optional<Reason> forbidden = forbidden(address);
                if (forbidden.isPresent()) {
                    throw new OutboundRefused(forbidden.get(), field, host);
                }
            }
        }
        return addresses;
    }

    /** Why the server must not connect to {@code address}, or empty when it is a public address. */
    public static Optional<Reason> forbidden(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return forbiddenV4(b);
        }
        if (address instanceof Inet6Address) {
            return forbiddenV6(b);
        }
        return Optional.of(Reason.RESERVED);
    }

    private static Optional<Reason> forbiddenV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if (a0 == 169 && a1 == 254 && a2 == 169 && a3 == 254 || a0 == 100 && a1 == 100 && a2 == 100 && a3 == 200
                || a0 == 192 && a1 == 0 && a2 == 0 && a3 == 192) {
            // AWS, GCP, Azure and OpenStack; Alibaba Cloud; Oracle Cloud.
            return Optional.of(Reason.METADATA);
        }
        if (a0 == 0) {
            return Optional.of(Reason.UNSPECIFIED);
        }
        if (a0 == 127) {
            return Optional.of(Reason.LOOPBACK);
        }
        if (a0 == 10 || a0 == 172 && (a1 & 0xf0) == 16 || a0 == 192 && a1 == 168) {
            return Optional.of(Reason.PRIVATE_NETWORK);
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of(Reason.LINK_LOCAL);
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return Optional.of(Reason.SHARED_NETWORK);
        }
        if (a0 >= 224 && a0 <= 239) {
            return Optional.of(Reason.MULTICAST);
        }
        if (a0 >= 240 || a0 == 192 && a1 == 0 && a2 == 0 || a0 == 198 && (a1 & 0xfe) == 18) {
            // 240/4 (with the broadcast address), IETF protocol assignments 192.0.0/24, benchmarking 198.18/15.
            return Optional.of(Reason.RESERVED);
        }
        return Optional.empty();
    }

    private static Optional<Reason> forbiddenV6(byte[] b) {
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return forbiddenV4(Arrays.copyOfRange(b, 12, 16)); // ::ffff:a.b.c.d, mapped
        }
        if (zero(b, 0, 15)) {
            return Optional.of(b[15] == 1 ? Reason.LOOPBACK : b[15] == 0 ? Reason.UNSPECIFIED : Reason.RESERVED);
        }
        if (zero(b, 0, 12)) {
            return forbiddenV4(Arrays.copyOfRange(b, 12, 16)); // ::a.b.c.d, the deprecated compatible form
        }
        int w0 = (b[0] & 0xff) << 8 | b[1] & 0xff;
        int w1 = (b[2] & 0xff) << 8 | b[3] & 0xff;
        if (w0 == 0x64 && w1 == 0xff9b && zero(b, 4, 12)) {
            return forbiddenV4(Arrays.copyOfRange(b, 12, 16)); // 64:ff9b::a.b.c.d, NAT64
        }
        if (w0 == 0x64 && w1 == 0xff9b) {
            return Optional.of(Reason.PRIVATE_NETWORK); // 64:ff9b:1::/48, local-use NAT64
        }
        if (w0 == 0x2002) {
            return forbiddenV4(Arrays.copyOfRange(b, 2, 6)); // 2002:a.b.c.d::/48, 6to4
        }
        if (w0 == 0xfd00 && w1 == 0x0ec2) {
            return Optional.of(Reason.METADATA); // fd00:ec2::254, AWS over IPv6
        }
        if ((w0 & 0xfe00) == 0xfc00 || (w0 & 0xffc0) == 0xfec0) {
            return Optional.of(Reason.PRIVATE_NETWORK); // unique local fc00::/7, deprecated site-local fec0::/10
        }
        if ((w0 & 0xffc0) == 0xfe80) {
            return Optional.of(Reason.LINK_LOCAL);
        }
        if ((w0 & 0xff00) == 0xff00) {
            return Optional.of(Reason.MULTICAST);
        }
        if (w0 == 0x0100 && zero(b, 2, 8)) {
            return Optional.of(Reason.RESERVED); // 100::/64, discard-only
        }
        return Optional.empty();
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The URL's host, lower case, without brackets or a trailing dot. */
    private static String host(String url, String field) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        }
        catch (URISyntaxException e) {
            throw new OutboundRefused(Reason.INVALID_URL, field, null);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String authority = uri.getRawAuthority();
        if (!(scheme.equals("http") || scheme.equals("https")) || authority == null || authority.contains("@")) {
            throw new OutboundRefused(Reason.INVALID_URL, field, null);
        }
        // URI leaves the host null for forms such as 0x7f.1 that other clients still connect to, so read it from
        // the authority.
        String host = uri.getHost() != null ? uri.getHost() : authority.replaceFirst(":[0-9]*$", "");
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        host = normalize(host);
        if (host.isEmpty()) {
            throw new OutboundRefused(Reason.INVALID_URL, field, null);
        }
        return host;
    }

    private static String normalize(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** The address a host spells out itself (IPv6, or IPv4 in any form a URL parser accepts), else empty. */
    private static Optional<InetAddress> literal(String host, String field) {
        try {
            if (host.contains(":")) {
                // Always a literal to the JDK (a colon never starts a DNS lookup); %25 is a URL's zone separator.
                return Optional.of(InetAddress.getByName(host.replace("%25", "%")));
            }
            Optional<byte[]> v4 = ipv4(host);
            if (v4.isPresent()) {
                return Optional.of(InetAddress.getByAddress(v4.get()));
            }
            return Optional.empty();
        }
        catch (UnknownHostException | IllegalArgumentException e) {
            throw new OutboundRefused(Reason.INVALID_URL, field, host);
        }
    }

    /**
     * Reads a host that ends in a number as an IPv4 address the way the WHATWG URL standard does: one to four
     * parts, each decimal, octal (leading {@code 0}) or hex ({@code 0x}), the last filling the remaining bytes.
     * Empty for a name; {@link IllegalArgumentException} for a host that ends in a number yet is no address.
     */
    static Optional<byte[]> ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (!isNumber(parts[parts.length - 1])) {
            return Optional.empty();
        }
        if (parts.length > 4) {
            throw new IllegalArgumentException("too many parts");
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!isNumber(parts[i])) {
                throw new IllegalArgumentException("not a number: " + parts[i]);
            }
            BigInteger n = number(parts[i]);
            BigInteger limit = BigInteger.ONE.shiftLeft(i == parts.length - 1 ? 8 * (5 - parts.length) : 8);
            if (n.compareTo(limit) >= 0) {
                throw new IllegalArgumentException("out of range: " + parts[i]);
            }
            numbers[i] = n.longValue();
        }
        long value = numbers[parts.length - 1];
        for (int i = 0; i < parts.length - 1; i++) {
            value |= numbers[i] << (8 * (3 - i));
        }
        return Optional.of(new byte[] { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8),
                (byte) value });
    }

    private static boolean isNumber(String part) {
        return part.matches("0[x][0-9a-f]*|[0-9]+");
    }

    private static BigInteger number(String part) {
        if (part.startsWith("0x")) {
            return part.length() == 2 ? BigInteger.ZERO : new BigInteger(part.substring(2), 16);
        }
        if (part.length() > 1 && part.startsWith("0")) {
            if (!part.matches("[0-7]+")) {
                throw new IllegalArgumentException("not octal: " + part);
            }
            return new BigInteger(part.substring(1), 8);
        }
        return new BigInteger(part);
    }

    /** An address range the operator allows: {@code 10.0.0.0/8}, or a single address. */
    private record Cidr(byte[] network, int prefix) {

        static Optional<Cidr> parse(String text) {
            String[] parts = text.split("/", -1);
            if (parts.length > 2 || !(parts[0].contains(":") || parts[0].matches("[0-9]+(\\.[0-9]+){3}"))) {
                return Optional.empty();
            }
            try {
                // Never a DNS lookup: a colon makes the JDK read a literal, and IPv4 is read here.
                byte[] network = parts[0].contains(":") ? InetAddress.getByName(parts[0]).getAddress()
                        : ipv4(parts[0]).orElseThrow();
                int prefix = parts.length == 1 ? network.length * 8 : Integer.parseInt(parts[1]);
                if (prefix < 0 || prefix > network.length * 8) {
                    return Optional.empty();
                }
                return Optional.of(new Cidr(network, prefix));
            }
            catch (UnknownHostException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
