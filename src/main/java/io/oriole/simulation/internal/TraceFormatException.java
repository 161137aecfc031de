package io.oriole.simulation.internal;

/** A trace, staffing or argument file that cannot be read; the message names the file and line. */
public final class TraceFormatException extends RuntimeException {

    public TraceFormatException(String file, int line, String problem) {
        super(file + " line " + line + ": " + problem);
    }
}
