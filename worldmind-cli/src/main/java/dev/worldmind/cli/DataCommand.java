package dev.worldmind.cli;

import dev.worldmind.app.dataset.DatasetDescriptor;
import dev.worldmind.app.dataset.DatasetDescriptors;
import dev.worldmind.data.store.DatasetSpec;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.data.store.DirectorySource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code worldmind data}: the dataset store. */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        description = "List and fetch datasets.",
        subcommands = {DataCommand.List.class, DataCommand.Fetch.class})
final class DataCommand {
    /** The installed image datasets by name, in name order. */
    static final Map<String, DatasetSpec> KNOWN = known();

    private static Map<String, DatasetSpec> known() {
        Map<String, DatasetSpec> out = new java.util.TreeMap<>();
        for (DatasetDescriptor d : DatasetDescriptors.installed().all()) {
            out.put(d.id(), d.spec());
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List known datasets.")
    static final class List extends HomeCommand {

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DatasetStore store = new DatasetStore(homeOption.home().datasets());
            for (DatasetSpec d : KNOWN.values()) {
                out.printf(
                        Locale.ROOT,
                        "%-14s %-8s %s (from %s)%n",
                        d.name(),
                        store.isComplete(d) ? "present" : "missing",
                        d.description(),
                        d.source().describe());
            }
            out.println("store: " + store.root());
            return 0;
        }
    }

    @Command(
            name = "fetch",
            mixinStandardHelpOptions = true,
            description = "Fetch a dataset if it is missing or damaged, and verify its checksums.")
    static final class Fetch extends HomeCommand {

        @Parameters(
                paramLabel = "DATASET",
                defaultValue = "mnist",
                completionCandidates = DatasetNames.class,
                description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
        String name;

        @Option(
                names = "--from",
                paramLabel = "DIR",
                description = "Copy the files from this folder instead of the default source.")
        Path from;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DatasetSpec d = KNOWN.get(name);
            if (d == null) {
                throw new dev.worldmind.core.NotFoundException(
                        "unknown dataset '"
                                + name
                                + "'; known: "
                                + String.join(", ", KNOWN.keySet()));
            }
            if (from != null) {
                d = d.withSource(new DirectorySource(from));
            }
            DatasetStore store = new DatasetStore(homeOption.home().datasets());
            Path dir = store.ensure(d, new ConsoleProgress(out));
            out.println(name + ": " + d.files().size() + " files verified in " + dir);
            return 0;
        }
    }
}
