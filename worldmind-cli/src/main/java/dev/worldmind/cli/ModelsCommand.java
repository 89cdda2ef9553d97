package dev.worldmind.cli;

import dev.worldmind.core.json.Json;
import dev.worldmind.model.registry.Aliases;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code worldmind models}: the model registry. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "List, show and delete registered models.",
        subcommands = {
            ModelsCommand.List.class,
            ModelsCommand.Show.class,
            ModelsCommand.Delete.class,
            ModelsCommand.Promote.class,
            ModelsCommand.Rollback.class
        })
final class ModelsCommand {
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List every model version.")
    static final class List extends HomeCommand {

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ModelRegistry registry = new ModelRegistry(homeOption.home().models());
            var entries = registry.list();
            if (entries.isEmpty()) {
                out.println("no models in " + registry.root() + "; `worldmind start` trains one");
                return 0;
            }
            out.printf(
                    Locale.ROOT,
                    "%-24s %-12s %-11s %9s %-10s %s%n",
                    "MODEL",
                    "ARCH",
                    "RUNTIME",
                    "TEST ACC",
                    "DATASET",
                    "CREATED");
            for (ModelRegistry.Entry e : entries) {
                String ref = e.name() + ":" + e.version();
                if (e.manifest().isEmpty()) {
                    out.printf(Locale.ROOT, "%-24s unreadable: %s%n", ref, e.problem());
                    continue;
                }
                ModelManifest m = e.manifest().get();
                Double acc = m.metrics().get("accuracy");
                out.printf(
                        Locale.ROOT,
                        "%-24s %-12s %-11s %8.2f%% %-10s %s%n",
                        ref,
                        m.architecture() == null ? m.kind() : m.architecture().name(),
                        m.compression().isEmpty()
                                ? m.runtime()
                                : m.runtime() + " " + m.compression(),
                        acc == null ? Double.NaN : acc * 100,
                        m.provenance().dataset().name(),
                        m.createdAt());
            }
            return 0;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Show a model's manifest (with provenance) and files.")
    static final class Show extends HomeCommand {

        @Parameters(paramLabel = "MODEL", description = "name or name:version")
        String ref;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            ModelRegistry registry = new ModelRegistry(homeOption.home().models());
            ModelManifest m = registry.get(ref);
            Path dir = registry.directory(m.ref());
            out.println(Json.write(m));
            out.println();
            out.println("files in " + dir + ":");
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.printf(
                            Locale.ROOT, "  %-40s %,10d bytes%n", dir.relativize(p), Files.size(p));
                }
            }
            return 0;
        }
    }

    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = "Delete one version (name:version) or all versions of a name.")
    static final class Delete extends HomeCommand {

        @Parameters(paramLabel = "MODEL", description = "name:version, or name for all versions")
        String ref;

        @Override
        public Integer call() {
            int n = new ModelRegistry(homeOption.home().models()).delete(ref);
            spec.commandLine()
                    .getOut()
                    .println("deleted " + n + " version" + (n == 1 ? "" : "s") + " of " + ref);
            return 0;
        }
    }

    @Command(
            name = "promote",
            mixinStandardHelpOptions = true,
            description = {
                "Point a model's 'stable' alias at a version.",
                "A running server switches its default for the model within seconds."
            })
    static final class Promote extends HomeCommand {

        @Parameters(
                paramLabel = "NAME:VERSION",
                description = "The version to serve, e.g. keras-cnn:2.")
        String ref;

        @Override
        public Integer call() {
            ModelRegistry registry = new ModelRegistry(homeOption.home().models());
            ModelManifest m = registry.get(ref);
            registry.setAlias(m.name(), Aliases.STABLE, m.version());
            spec.commandLine().getOut().println(m.name() + ":stable -> " + m.version());
            return 0;
        }
    }

    @Command(
            name = "rollback",
            mixinStandardHelpOptions = true,
            description = {
                "Step a model's 'stable' alias back to the version it pointed to before.",
                "A running server switches back within seconds, without dropping requests."
            })
    static final class Rollback extends HomeCommand {

        @Parameters(paramLabel = "NAME", description = "The model, e.g. keras-cnn.")
        String name;

        @Override
        public Integer call() {
            ModelRegistry registry = new ModelRegistry(homeOption.home().models());
            Aliases a = registry.rollback(name, Aliases.STABLE);
            spec.commandLine()
                    .getOut()
                    .println(name + ":stable -> " + a.aliases().get(Aliases.STABLE));
            return 0;
        }
    }
}
