package dev.worldmind.cli;

import dev.worldmind.app.recommend.WorldCatalogue;
import dev.worldmind.app.recommend.WorldRecommendations;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.events.EventLog;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionFormat;
import dev.worldmind.data.interaction.InteractionReader;
import dev.worldmind.data.interaction.InteractionSplit;
import dev.worldmind.data.interaction.InteractionWriter;
import dev.worldmind.data.interaction.KCore;
import dev.worldmind.data.interaction.SyntheticInteractions;
import dev.worldmind.model.eval.Charts;
import dev.worldmind.model.recommend.RecommenderAlgorithm;
import dev.worldmind.model.recommend.RecommenderArtifact;
import dev.worldmind.model.recommend.RecommenderEvaluation;
import dev.worldmind.model.recommend.Recommenders;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.server.config.ServerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code worldmind recommend}: recommenders, evaluated on files or on the synthetic set. */
@Command(
        name = "recommend",
        mixinStandardHelpOptions = true,
        description =
                "Evaluate recommenders on rating files or the synthetic set, generate the synthetic"
                        + " set, train the world's recommender.",
        subcommands = {
            RecommendCommand.Evaluate.class,
            RecommendCommand.Generate.class,
            RecommendCommand.Train.class
        })
final class RecommendCommand {
    /** Split choices on the command line. */
    enum SplitKind {
        random,
        temporal,
        global
    }

    @Command(
            name = "evaluate",
            mixinStandardHelpOptions = true,
            description = {
                "Compare algorithms on one split with full ranking (every unseen item competes):",
                "precision, recall, NDCG, hit rate and MAP at k, catalogue coverage, novelty,",
                "training time. Data: --data FILE (CSV user,item,weight,timestamp or a MovieLens",
                "layout, detected) or, without it, the documented synthetic latent-factor set.",
                "Writes the table and an NDCG chart under <home>/runs/recommend-<time>/."
            })
    static final class Evaluate extends HomeCommand {

        @Option(names = "--data", paramLabel = "FILE", description = "Interactions to evaluate on.")
        Path data;

        @Option(
                names = "--format",
                description =
                        "Force the file's layout: ${COMPLETION-CANDIDATES} (default: detect).")
        InteractionFormat format;

        @Option(
                names = "--min-rating",
                paramLabel = "R",
                description = "Keep only ratings >= R as positive interactions (e.g. 4).")
        Double minRating;

        @Option(names = "--binary", description = "Count every kept interaction as weight 1.")
        boolean binary;

        @Option(names = "--lenient", description = "Skip and count bad lines instead of failing.")
        boolean lenient;

        @Option(
                names = "--kcore",
                defaultValue = "5",
                description =
                        "Keep users and items with >= K interactions (default ${DEFAULT-VALUE}; 0 off).")
        int kcore;

        @Option(
                names = "--split",
                defaultValue = "random",
                description =
                        "random (per user), temporal (each user's latest) or global (one time cut)"
                                + " (default ${DEFAULT-VALUE}).")
        SplitKind split;

        @Option(
                names = "--test-share",
                defaultValue = "0.2",
                description = "Share held out for testing (default ${DEFAULT-VALUE}).")
        double testShare;

        @Option(
                names = "--k",
                defaultValue = "10",
                description = "List length (default ${DEFAULT-VALUE}).")
        int k;

        @Mixin SplitSeedOption splitSeed;

        @Option(
                names = "--algorithms",
                split = ",",
                defaultValue = "popularity,item-knn,ease,als,bpr,hybrid",
                description = "Which, in order (default ${DEFAULT-VALUE}).")
        List<String> algorithms;

        @Option(
                names = "--preset",
                defaultValue = "default",
                description =
                        "Without --data, which synthetic set: default (6,000 users x 3,000"
                                + " items), small (500 x 400) or movies (600 x 10,000).")
        String preset;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ConsoleProgress progress = new ConsoleProgress(out);
            WorldmindHome home = homeOption.home();
            // every option is checked before any data is read: a usage error, exit 2
            if (k < 1) {
                throw usage(spec, "--k is at least 1: " + k);
            }
            if (!(testShare > 0 && testShare < 1)) {
                throw usage(spec, "--test-share is between 0 and 1 (exclusive): " + testShare);
            }
            if (kcore < 0) {
                throw usage(spec, "--kcore is 0 (off) or more: " + kcore);
            }
            List<RecommenderAlgorithm> chosen = new ArrayList<>();
            for (String name : algorithms) {
                try {
                    chosen.add(
                            Recommenders.algorithm(name.trim(), splitSeed.seed, Reports.threads()));
                } catch (InvalidDataException e) {
                    throw usage(spec, e.getMessage());
                }
            }
            if (chosen.isEmpty()) {
                throw usage(spec, "--algorithms names at least one of " + Recommenders.ALGORITHMS);
            }
            SyntheticInteractions.Config synthetic;
            try {
                synthetic = SyntheticInteractions.Config.preset(preset).withSeed(splitSeed.seed);
            } catch (IllegalArgumentException e) {
                throw usage(spec, e.getMessage());
            }
            List<Interaction> all;
            String source;
            if (data == null) {
                SyntheticInteractions s = SyntheticInteractions.generate(synthetic);
                all = s.interactions();
                source =
                        "synthetic latent-factor set '"
                                + preset
                                + "' (seed "
                                + splitSeed.seed
                                + ", sha256 "
                                + s.ref().sha256().substring(0, 12)
                                + ")";
            } else {
                InteractionReader.Builder b =
                        InteractionReader.builder().optLenient(lenient).optBinarise(binary);
                if (format != null) {
                    b.optFormat(format);
                }
                if (minRating != null) {
                    b.optMinRating(minRating);
                }
                InteractionReader.Result r = b.build().read(data);
                all = r.interactions();
                source =
                        data
                                + " ("
                                + r.format()
                                + ", "
                                + r.lines()
                                + " lines"
                                + (r.badLines() > 0
                                        ? ", " + r.badLines() + " bad lines skipped"
                                        : "")
                                + (r.belowMinRating() > 0
                                        ? ", " + r.belowMinRating() + " below the minimum rating"
                                        : "")
                                + ")";
                r.problems().forEach(p -> out.println("skipped: " + p));
            }
            all = InteractionSplit.merge(all);
            if (kcore > 0) {
                KCore.Result kept = KCore.filter(all, kcore);
                out.printf(
                        Locale.ROOT,
                        "%d-core: removed %d interactions, %d users, %d items%n",
                        kcore,
                        kept.removedInteractions(),
                        kept.removedUsers(),
                        kept.removedItems());
                all = kept.interactions();
                if (all.isEmpty()) {
                    throw new InvalidDataException(
                            "the "
                                    + kcore
                                    + "-core removed every interaction (it keeps users and items"
                                    + " with at least "
                                    + kcore
                                    + " each): use --kcore 0, or a smaller K, for small data");
                }
            }
            InteractionSplit s =
                    switch (split) {
                        case random -> InteractionSplit.random(all, testShare, splitSeed.seed);
                        case temporal -> InteractionSplit.temporal(all, testShare);
                        case global -> InteractionSplit.globalTemporal(all, testShare);
                    };
            RecommenderEvaluation.Setup setup = RecommenderEvaluation.setup(s.train(), s.test());
            out.printf(
                    Locale.ROOT,
                    "data: %s%ntrain: %s; test: %d interactions (%d dropped: user or item"
                            + " not in training)%n",
                    source,
                    setup.train(),
                    setup.test().size(),
                    setup.droppedTest());
            List<RecommenderEvaluation.Row> rows =
                    RecommenderEvaluation.run(setup, chosen, k, progress);
            String table = RecommenderEvaluation.table(rows);
            List<RecommenderEvaluation.Row> results =
                    rows.stream().filter(RecommenderEvaluation.Row::ok).toList();
            out.println();
            out.print(table);
            Path dir =
                    home.runs().resolve("recommend-" + Instant.now().toString().replace(':', '-'));
            try {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("table.md"), "data: " + source + "\n\n" + table);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + dir, e);
            }
            if (results.isEmpty()) {
                out.println("written: " + dir.resolve("table.md") + " (no chart: no results)");
            } else {
                Charts.bars(
                        "NDCG@" + k + " on held-out interactions",
                        "NDCG@" + k,
                        results.stream().map(RecommenderEvaluation.Row::algorithm).toList(),
                        results.stream().map(r -> r.report().ndcg()).toList(),
                        dir.resolve("ndcg.png"));
                out.println("written: " + dir.resolve("table.md") + ", " + dir.resolve("ndcg.png"));
            }
            out.flush();
            List<String> failed =
                    rows.stream()
                            .filter(r -> !r.ok())
                            .map(r -> r.algorithm() + ": " + r.failure())
                            .toList();
            if (!failed.isEmpty()) {
                // the table and chart above keep the others; the exit code tells a script
                spec.commandLine()
                        .getErr()
                        .println(
                                failed.size()
                                        + " of "
                                        + rows.size()
                                        + " algorithms have no result: "
                                        + String.join("; ", failed));
                return 1;
            }
            return 0;
        }
    }

    private static picocli.CommandLine.ParameterException usage(CommandSpec spec, String message) {
        return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
    }

    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description =
                    "Write the synthetic latent-factor interactions (the model is documented in"
                            + " SyntheticInteractions) as CSV user,item,weight,timestamp.")
    static final class Generate extends HomeCommand {

        @Option(
                names = "--output",
                required = true,
                paramLabel = "FILE",
                description = "Where to write (.gz compresses).")
        Path output;

        @Option(names = "--small", description = "The same as --preset small.")
        boolean small;

        @Option(
                names = "--preset",
                defaultValue = "default",
                description =
                        "default (6,000 users x 3,000 items), small (500 x 400) or movies (600 x"
                                + " 10,000, shaped like a small movie-ratings catalogue).")
        String preset;

        @Option(
                names = "--seed",
                defaultValue = "42",
                description = "Seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() {
            SyntheticInteractions.Config c =
                    SyntheticInteractions.Config.preset(small ? "small" : preset).withSeed(seed);
            SyntheticInteractions s = SyntheticInteractions.generate(c);
            InteractionWriter.write(output, s.interactions());
            spec.commandLine()
                    .getOut()
                    .printf(
                            Locale.ROOT,
                            "written: %s (%d interactions, %d users," + " %d items, sha256 %s)%n",
                            output,
                            s.interactions().size(),
                            s.userIds().size(),
                            s.itemIds().size(),
                            s.ref().sha256());
            return 0;
        }
    }

    @Command(
            name = "train",
            mixinStandardHelpOptions = true,
            description =
                    "Retrain the world's recommender on the behaviour event log plus the simulated"
                            + " visitors and register it as the next version of world-recommender (with its"
                            + " leave-one-out NDCG@10 beside popularity's). A running server picks it up at its"
                            + " next start; until then it folds new events into the version it has.")
    static final class Train extends HomeCommand {
        @Mixin ServerOptions serverOptions;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            WorldmindHome home = homeOption.home();
            ServerConfig config = serverOptions.serverConfig(home);
            try (Database db = Database.open(ServerOptions.databaseConfig(config, home))) {
                Instant now = Instant.now();
                RecommenderArtifact a =
                        WorldRecommendations.train(
                                WorldRecommendations.logged(new EventLog(db), now),
                                now,
                                WorldCatalogue.defaults(),
                                WorldRecommendations.algorithm(),
                                new ConsoleProgress(out));
                ModelManifest m =
                        WorldRecommendations.register(new ModelRegistry(home.models()), a);
                out.println("registered " + m.ref() + " (" + a.train() + ")");
            }
            out.flush();
            return 0;
        }
    }
}
