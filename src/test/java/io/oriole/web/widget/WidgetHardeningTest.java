package io.oriole.web.widget;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import io.oriole.support.MutableClockConfiguration;
import io.oriole.web.WebTestFixtures;

/**
 * The application on a real port with a movable clock and widget limits low enough for a test to reach: one
 * annotation, so the classes that probe the public edges share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-hardening" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-hardening-tests",
        "oriole.demo.bot-enabled=false",
        "oriole.widget.limits.visitor.burst=" + WidgetHardeningTest.VISITOR_BURST,
        "oriole.widget.limits.visitor.per-minute=1",
        "oriole.widget.limits.ip.burst=" + WidgetHardeningTest.IP_BURST,
        "oriole.widget.limits.ip.per-minute=1",
        "oriole.widget.limits.tenant.burst=" + WidgetHardeningTest.TENANT_BURST,
        "oriole.widget.limits.tenant.per-minute=1" })
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
public @interface WidgetHardeningTest {

    int VISITOR_BURST = 3;
    int IP_BURST = 5;
    int TENANT_BURST = 12;
}
