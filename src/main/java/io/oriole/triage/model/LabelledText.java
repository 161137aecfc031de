package io.oriole.triage.model;

/** One training or test example: a message and its label. */
public record LabelledText(String text, String label) {
}
