package io.oriole.shared.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.oriole.shared.outbound.OutboundRefused.Reason;

/**
 * Which URLs a tenant may make the server call, with DNS played by a fixed table so that a name can resolve
 * anywhere: every spelling of an internal address is refused, public ones pass, and the operator's allowed hosts
 * open exactly what they name.
 */
class OutboundAddressesTests {

    final Map<String, List<String>> dns = Map.of(
            "api.openai.com", List.of("162.159.140.245"),
            "intranet.example.com", List.of("10.3.4.5"),
            "half-internal.example.com", List.of("93.184.215.14", "192.168.1.20"),
            "v6-internal.example.com", List.of("fd12:3456::1"),
            "localhost", List.of("127.0.0.1"),
            "llm.corp.internal", List.of("10.20.3.4"));

    final List<String> lookedUp = new ArrayList<>();

    final OutboundAddresses.Resolver resolver = host -> {
        lookedUp.add(host);
        List<String> found = dns.get(host);
        if (found == null) {
            throw new UnknownHostException(host);
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (String a : found) {
            addresses.add(InetAddress.getByName(a));
        }
        return addresses;
    };

    final OutboundAddresses publicOnly = new OutboundAddresses(List.of(), resolver);

    @Test
    void publicEndpointsPass() {
        assertThatCode(() -> publicOnly.checkConnection("https://api.openai.com/v1", "baseUrl"))
                .doesNotThrowAnyException();
        assertThatCode(() -> publicOnly.checkConnection("http://93.184.215.14:8080/v1", "baseUrl"))
                .doesNotThrowAnyException();
        assertThatCode(() -> publicOnly.checkConnection("https://[2606:4700::6810:84e5]/v1", "baseUrl"))
                .doesNotThrowAnyException();
    }

    @Test
    void loopbackIsRefusedHoweverItIsSpelled() {
        for (String url : List.of("http://127.0.0.1:8080/v1", "http://127.9.9.9/", "http://localhost:6379",
                "http://localhost./", "http://LOCALHOST/", "http://redis.localhost/", "http://2130706433/",
                "http://0x7f.1/", "http://0x7f000001/", "http://0177.0.0.1/", "http://127.1/", "http://[::1]/",
                "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[0:0:0:0:0:ffff:127.0.0.1]/",
                "http://[64:ff9b::127.0.0.1]/", "http://[2002:7f00:1::]/")) {
            assertRefused(url, Reason.LOOPBACK);
        }
        assertThat(lookedUp).as("no spelling of loopback needs DNS").isEmpty();
    }

    @Test
    void cloudMetadataIsRefusedByAddressAndByName() {
        assertRefused("http://169.254.169.254/latest/meta-data/iam/", Reason.METADATA);
        assertRefused("http://[::ffff:169.254.169.254]/", Reason.METADATA);
        assertRefused("http://0xa9fea9fe/", Reason.METADATA);
        assertRefused("http://100.100.100.200/", Reason.METADATA);
        assertRefused("http://[fd00:ec2::254]/", Reason.METADATA);
        assertRefused("http://metadata.google.internal./computeMetadata/v1/", Reason.METADATA);
    }

    @Test
    void privateLinkLocalSharedAndOtherInternalSpaceIsRefused() {
        assertRefused("http://10.0.0.8/v1", Reason.PRIVATE_NETWORK);
        assertRefused("http://172.16.0.1/", Reason.PRIVATE_NETWORK);
        assertRefused("http://172.31.255.254/", Reason.PRIVATE_NETWORK);
        assertRefused("http://192.168.1.1/", Reason.PRIVATE_NETWORK);
        assertRefused("http://[fc00::1]/", Reason.PRIVATE_NETWORK);
        assertRefused("http://[fd12:3456::1]/", Reason.PRIVATE_NETWORK);
        assertRefused("http://[::ffff:10.1.2.3]/", Reason.PRIVATE_NETWORK);
        assertRefused("http://169.254.10.1/", Reason.LINK_LOCAL);
        assertRefused("http://[fe80::1]/", Reason.LINK_LOCAL);
        assertRefused("http://100.64.0.1/", Reason.SHARED_NETWORK);
        assertRefused("http://100.127.255.254/", Reason.SHARED_NETWORK);
        assertRefused("http://0.0.0.0:6379/", Reason.UNSPECIFIED);
        assertRefused("http://0/", Reason.UNSPECIFIED);
        assertRefused("http://[::]/", Reason.UNSPECIFIED);
        assertRefused("http://224.0.0.1/", Reason.MULTICAST);
        assertRefused("http://[ff02::1]/", Reason.MULTICAST);
        assertRefused("http://255.255.255.255/", Reason.RESERVED);
        assertRefused("http://198.18.0.1/", Reason.RESERVED);
    }

    @Test
    void theNeighboursOfInternalRangesArePublic() {
        for (String url : List.of("http://172.15.255.255/", "http://172.32.0.1/", "http://100.63.255.255/",
                "http://100.128.0.1/", "http://169.253.1.1/", "http://11.0.0.1/", "http://192.169.0.1/")) {
            assertThatCode(() -> publicOnly.checkConnection(url, "baseUrl")).as(url).doesNotThrowAnyException();
        }
    }

    @Test
    void aNameIsJudgedByEveryAddressItResolvesTo() {
        assertRefused("https://intranet.example.com/v1", Reason.PRIVATE_NETWORK);
        assertRefused("https://half-internal.example.com/v1", Reason.PRIVATE_NETWORK);
        assertRefused("https://v6-internal.example.com/v1", Reason.PRIVATE_NETWORK);
        assertThat(lookedUp).contains("intranet.example.com", "half-internal.example.com");
    }

    @Test
    void aNameWithoutAddressMaySaveButIsNeverConnectedTo() {
        assertThatCode(() -> publicOnly.checkSetting("https://not-yet.example.com/v1", "baseUrl"))
                .doesNotThrowAnyException();

        assertThatThrownBy(() -> publicOnly.checkConnection("https://not-yet.example.com/v1", "baseUrl"))
                .isInstanceOfSatisfying(OutboundRefused.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.UNRESOLVED_HOST));
    }

    @Test
    void theSaveTimeCheckRefusesWhatResolvesInsideToo() {
        assertThatThrownBy(() -> publicOnly.checkSetting("https://intranet.example.com/v1", "endpoint"))
                .isInstanceOfSatisfying(OutboundRefused.class, r -> {
                    assertThat(r.reason()).isEqualTo(Reason.PRIVATE_NETWORK);
                    assertThat(r.field()).isEqualTo("endpoint");
                    assertThat(r.kind()).isEqualTo(io.oriole.shared.Refusal.Kind.INVALID);
                });
    }

    @Test
    void hostsThatEndInANumberButAreNoAddressAndOtherSchemesAreInvalid() {
        for (String url : List.of("http://1.2.3.4.5/", "http://256.1.1.1/", "http://0x1.0x100.1.1/",
                "http://08.0.0.1/", "http://example.123/", "ftp://api.openai.com/", "file:///etc/passwd",
                "http://user:pw@api.openai.com/", "not a url", "http:///v1", "http://[fe80::1%25nosuchif0]/")) {
            assertRefused(url, Reason.INVALID_URL);
        }
    }

    @Test
    void theOperatorAllowsExactlyTheNamesAndRangesListed() {
        OutboundAddresses allowing = new OutboundAddresses(
                List.of("LLM.corp.internal.", "10.20.0.0/16", "127.0.0.1", "fd12:3456::/32"), resolver);

        assertThatCode(() -> allowing.checkConnection("http://llm.corp.internal:8000/v1", "baseUrl"))
                .doesNotThrowAnyException();
        assertThatCode(() -> allowing.checkConnection("http://10.20.9.9/v1", "baseUrl")).doesNotThrowAnyException();
        assertThatCode(() -> allowing.checkConnection("http://127.0.0.1:4000/v1", "baseUrl"))
                .doesNotThrowAnyException();
        assertThatCode(() -> allowing.checkConnection("https://v6-internal.example.com/", "baseUrl"))
                .doesNotThrowAnyException();

        assertThatThrownBy(() -> allowing.checkConnection("http://10.30.0.1/v1", "baseUrl"))
                .isInstanceOf(OutboundRefused.class);
        assertThatThrownBy(() -> allowing.checkConnection("http://127.0.0.2/v1", "baseUrl"))
                .isInstanceOf(OutboundRefused.class);
        assertThatThrownBy(() -> allowing.checkConnection("http://other.corp.internal/v1", "baseUrl"))
                .isInstanceOf(OutboundRefused.class);
        assertThatThrownBy(() -> allowing.checkConnection("http://169.254.169.254/", "baseUrl"))
                .isInstanceOf(OutboundRefused.class);
    }

    @Test
    void anAllowedHostEntryThatIsNeitherNameNorRangeStopsTheStart() {
        assertThatThrownBy(() -> new OutboundAddresses(List.of("10.0.0.0/33"), resolver))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> new OutboundAddresses(List.of("*.corp.internal"), resolver))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboundAddresses(List.of("300.1.1.1"), resolver))
                .isInstanceOf(IllegalArgumentException.class);
    }

    void assertRefused(String url, Reason reason) {
        assertThatThrownBy(() -> publicOnly.checkConnection(url, "baseUrl")).as(url)
                .isInstanceOfSatisfying(OutboundRefused.class, r -> {
                    assertThat(r.reason()).as(url).isEqualTo(reason);
                    assertThat(r.field()).isEqualTo("baseUrl");
                });
    }
}
