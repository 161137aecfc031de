package io.oriole.triage.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.oriole.triage.model.Embedder;

@Configuration(proxyBeanMethods = false)
class TriageConfiguration {

    /** One per node: each ONNX model takes about 100 MB and loads on first use. */
    @Bean
    Embedder embedder() {
        return new Embedder(10_000);
    }
}
