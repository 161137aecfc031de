package io.oriole.web.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a private in-memory H2, without the demo tenant. One annotation so that every API test
 * class shares one cached Spring context; each class makes its own tenants, so they never see each other's rows.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:apitests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "oriole.demo.enabled=false",
        // The operator allows the fake generative endpoints on 127.0.0.1 (bot.FakeChatModelServer); every other
        // internal address stays refused.
        "oriole.outbound.allowed-hosts=127.0.0.1",
        "oriole.data-dir=target/api-tests",
        "oriole.platform.operator-token=" + ApiIntegrationTest.OPERATOR_TOKEN })
@AutoConfigureMockMvc
@Import({ ApiFixture.class, ApiClient.class })
public @interface ApiIntegrationTest {

    /** The platform operator's bearer secret in every API test application (see PlatformApiIntegrationTests). */
    String OPERATOR_TOKEN = "operator-secret-for-api-tests-0123456789";
}
