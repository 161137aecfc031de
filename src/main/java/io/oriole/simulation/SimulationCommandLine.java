package io.oriole.simulation;

import java.io.PrintStream;

import io.oriole.simulation.internal.SimulateCommand;

/** The module's command-line entry point, run by the application's main method without Spring. */
public final class SimulationCommandLine {

    private SimulationCommandLine() {
    }

    /** {@code simulate --trace FILE ...}; see {@link SimulateCommand}. Returns the process exit code. */
    public static int simulate(String[] args, PrintStream out, PrintStream err) {
        return new SimulateCommand().execute(args, out, err);
    }
}
