package io.oriole.triage;

import java.io.PrintStream;

import io.oriole.triage.eval.EvalCommand;

/** The module's command-line entry points, run by the application's main method without Spring. */
public final class TriageCommandLine {

    private TriageCommandLine() {
    }

    /** {@code eval intents|sentiment ...}; see {@link EvalCommand}. Returns the process exit code. */
    public static int eval(String[] args, PrintStream out, PrintStream err) {
        return EvalCommand.run(args, out, err);
    }
}
