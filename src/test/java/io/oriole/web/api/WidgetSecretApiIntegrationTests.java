package io.oriole.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import io.oriole.tenant.TenantManagement;
import io.oriole.web.api.ApiClient.Reply;
import io.oriole.web.api.ApiFixture.TenantSetup;

/** An admin reads and rotates the widget secret; rotating voids the visitor tokens and user hashes made with it. */
@ApiIntegrationTest
class WidgetSecretApiIntegrationTests {

    @Autowired
    ApiFixture fixture;
    @Autowired
    ApiClient api;
    @Autowired
    TenantManagement tenants;

    @Test
    void rotatingTheSecretSignsEveryVisitorOutAndVoidsOldUserHashes() throws Exception {
        TenantSetup t = fixture.tenant("widget-secret");
        String slug = tenants.get(t.id()).slug();
        String old = api.get(t.adminToken(), "/api/v1/widget/secret").body().path("secret").asString();
        String visitorToken = widget(slug, "/session", "{}", null).body().path("token").asString();
        String oldHash = hash(old, "shop-user-7");
        assertThat(widget(slug, "/conversation", null, visitorToken).status()).isEqualTo(200);

        Reply rotated = api.post(t.adminToken(), "/api/v1/widget/secret/rotate", "");

        String secret = rotated.body().path("secret").asString();
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(secret).hasSize(64).isNotEqualTo(old);
        assertThat(widget(slug, "/conversation", null, visitorToken).status()).isEqualTo(401);
        assertThat(widget(slug, "/session", "{\"userId\":\"shop-user-7\",\"userHash\":\"" + oldHash + "\"}", null)
                .status()).isEqualTo(401);
        assertThat(widget(slug, "/session", "{\"userId\":\"shop-user-7\",\"userHash\":\"" + hash(secret,
                "shop-user-7") + "\"}", null).status()).isEqualTo(200);
        assertThat(api.get(t.adminToken(), "/api/v1/widget/secret").body().path("secret").asString())
                .isEqualTo(secret);
    }

    @Test
    void onlyAdminsSeeOrRotateTheWidgetSecret() {
        TenantSetup t = fixture.tenant("widget-secret");
        String before = tenants.get(t.id()).widgetSecret();

        assertThat(api.get(t.agentToken(), "/api/v1/widget/secret").status()).isEqualTo(403);
        assertThat(api.post(t.agentToken(), "/api/v1/widget/secret/rotate", "").status()).isEqualTo(403);
        assertThat(tenants.get(t.id()).widgetSecret()).isEqualTo(before);
    }

    private Reply widget(String slug, String path, String body, String visitorToken) {
        var request = MockMvcRequestBuilders.request(body == null ? HttpMethod.GET : HttpMethod.POST,
                "/widget/api/" + slug + path);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        if (visitorToken != null) {
            request.header("X-Visitor-Token", visitorToken);
        }
        return api.send(null, request);
    }

    private static String hash(String secret, String userId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(userId.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
