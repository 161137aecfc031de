package io.oriole.identity.internal;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    /**
     * Argon2id with Spring Security's 5.8 defaults (16 MiB, 2 iterations), behind a prefix so that the
     * parameters can be raised later and old hashes still verify.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        String id = "argon2";
        return new DelegatingPasswordEncoder(id,
                Map.of(id, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }
}
