package io.oriole.triage.model;

/** Indices with values; indices are distinct. */
public record SparseVector(int[] indices, float[] values) {

    public static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    public int size() {
        return indices.length;
    }
}
