package io.oriole.triage.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.oriole.triage.model.Embedder;

@Configuration(proxyBeanMethods = false)
class TriageConfiguration {

    /** One per node, shared by all tenants: each ONNX model loads on first use and stays in memory. */
    @Bean
    Embedder embedder() {
        return new Embedder(10_000);
    }
}
