package io.oriole.knowledge;

import java.io.PrintStream;

import io.oriole.knowledge.internal.MatchingEvaluation;

/** The knowledge module's command-line entry point, run by the application's main method without Spring. */
public final class MatchingCommandLine {

    private MatchingCommandLine() {
    }

    /**
     * {@code eval matching --dev DEV.tsv --test TEST.tsv [--json REPORT.json]} (arguments after "matching"): picks
     * the question-similarity threshold on the dev pairs and reports the test pairs. Returns the exit code.
     */
    public static int eval(String[] args, PrintStream out, PrintStream err) {
        return MatchingEvaluation.run(args, out, err);
    }
}
