package dev.worldmind.spark;

import dev.worldmind.core.WorldmindException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** Runs the module's command-line mains with picocli. Stateless. */
final class Commands {
    private Commands() {}

    /**
     * Parses the arguments into a command and runs it. Wrong usage prints the usage (exit 2); a
     * failure of the work prints its message, not a stack trace (exit 1).
     *
     * @param command the annotated command
     * @param args the arguments
     * @return the exit code
     */
    static int execute(Object command, String[] args) {
        return new CommandLine(command)
                .setExecutionExceptionHandler(
                        (e, cmd, parsed) -> {
                            if (e instanceof WorldmindException
                                    || e instanceof UncheckedIOException
                                    || e instanceof IllegalArgumentException) {
                                cmd.getErr().println("worldmind: error: " + e.getMessage());
                                return 1;
                            }
                            throw e;
                        })
                .execute(args);
    }
}
