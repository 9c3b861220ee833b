package io.docmatrix.eval;

import io.docmatrix.eval.abuse.AbuseCommand;
import io.docmatrix.eval.clauses.ClausesCommand;
import io.docmatrix.eval.demo.DemoCommand;
import io.docmatrix.eval.platform.PlatformException;
import io.docmatrix.eval.qa.QaCommand;
import io.docmatrix.eval.reliability.FaultsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code java -jar eval-cli.jar <qa|clauses|demo|abuse|isolation|injection> ...}. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Measures a running DocMatrix platform through its public API, or demonstrates it.",
        subcommands = {
            QaCommand.class,
            ClausesCommand.class,
            DemoCommand.class,
            FaultsCommand.class,
            AbuseCommand.class,
            AbuseCommand.Isolation.class,
            AbuseCommand.Injection.class
        })
public final class EvalCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new EvalCli());
        // A refused or unreachable platform is an expected outcome of a measurement run: one line, not a stack trace.
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof PlatformException) {
                cmd.getErr().println("error: " + exception.getMessage());
                return 2;
            }
            throw exception;
        });
        return commandLine;
    }
}
