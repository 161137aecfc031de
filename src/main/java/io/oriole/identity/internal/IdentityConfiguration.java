package io.oriole.identity.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import io.oriole.identity.LoginThrottle;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottle.class)
class IdentityConfiguration {
}
