package dev.worldmind.cli;

import dev.worldmind.core.WorldmindException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code worldmind} command: every lifecycle step from the terminal. */
@Command(
        name = "worldmind",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A shared 3D world server and the AI that lives in it.",
        subcommands = {
            StartCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            PruneCommand.class,
            PredictCommand.class,
            ExportCommand.class,
            QuantizeCommand.class,
            ModelsCommand.class,
            DataCommand.class,
            ServerCommand.class,
            ConfigCommand.class,
            EventsCommand.class,
            LoadtestCommand.class,
            ServeBenchCommand.class,
            LanguageCommand.class,
            RecommendCommand.class,
            RlCommand.class,
            GanCommand.class,
            JobsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class WorldmindCli {
    /**
     * Sets the number of CPU threads the deep-learning engine, ALS and parallel loops may use.
     *
     * @param threads the number of threads
     */
    @Option(
            names = "--threads",
            scope = ScopeType.INHERIT,
            paramLabel = "N",
            description =
                    "CPU threads for the deep-learning engine, ALS and the parallel loops of the"
                            + " other recommenders and evaluations (default: all cores).")
    void setThreads(int threads) {
        if (threads < 1) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--threads must be at least 1");
        }
        // Read by the PyTorch engine when it starts, which is after argument parsing.
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(threads));
        // The common pool (parallel streams: item-kNN, EASE, evaluation) reads this when first
        // used, which is after argument parsing; the calling thread works too, hence one less.
        System.setProperty(
                "java.util.concurrent.ForkJoinPool.common.parallelism",
                Integer.toString(threads - 1));
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(
                run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line with the given output streams, returning the exit code: 0 for success,
     * 1 when the work failed (the message says why), 2 for a usage error.
     *
     * @param args the arguments
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new WorldmindCli());
        cli.setOut(out);
        cli.setErr(err);
        // a usage error is one line and a pointer to the help, not the whole help
        cli.setParameterExceptionHandler(
                (e, arguments) -> {
                    CommandLine c = e.getCommandLine();
                    c.getErr().println("worldmind: error: " + e.getMessage());
                    c.getErr()
                            .println("(see: " + c.getCommandSpec().qualifiedName(" ") + " --help)");
                    return 2;
                });
        cli.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                    if (e instanceof WorldmindException || e instanceof IllegalArgumentException) {
                        commandLine.getErr().println("worldmind: error: " + e.getMessage());
                        return 1;
                    }
                    throw e;
                });
        return cli.execute(args);
    }
}
