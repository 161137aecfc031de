package io.oriole;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Oriole: a multi-tenant customer-service platform. One jar, one module per domain package.
 */
@SpringBootApplication
@EnableAsync
public class OrioleApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrioleApplication.class, args);
    }

    /** The only source of "now" in domain code; tests replace it with a movable clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
