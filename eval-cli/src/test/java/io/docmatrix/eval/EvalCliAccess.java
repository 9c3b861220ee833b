package io.docmatrix.eval;

import picocli.CommandLine;

/** Lets tests of the command packages run the configured command line (its error handling included). */
public final class EvalCliAccess {

    private EvalCliAccess() {}

    public static CommandLine commandLine() {
        return EvalCli.commandLine();
    }
}
