/**
 * Triage's framework-free models. Published as the named interface {@code model} so that other modules (the
 * knowledge base) reuse the one in-process {@link io.oriole.triage.model.Embedder} and
 * {@link io.oriole.triage.model.LanguageDetector} instead of loading the ONNX models a second time.
 */
@org.springframework.modulith.NamedInterface("model")
package io.oriole.triage.model;
