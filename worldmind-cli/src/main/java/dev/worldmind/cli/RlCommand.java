package dev.worldmind.cli;

import dev.worldmind.app.reinforce.Learners;
import dev.worldmind.app.reinforce.MuseumNavigator;
import dev.worldmind.app.reinforce.Policies;
import dev.worldmind.app.reinforce.PolicyScore;
import dev.worldmind.app.reinforce.WorldEnvironments;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.reinforce.Environment;
import dev.worldmind.model.reinforce.Learner;
import dev.worldmind.model.reinforce.LearningResult;
import dev.worldmind.model.reinforce.LearningSetup;
import dev.worldmind.model.reinforce.Policy;
import dev.worldmind.model.reinforce.PolicyArtifact;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code worldmind rl}: train, evaluate and benchmark reinforcement-learning policies. */
@Command(
        name = "rl",
        mixinStandardHelpOptions = true,
        description =
                "Reinforcement learning: list environments, train policies (REINFORCE, PPO, DQN,"
                        + " DDPG, TD3), evaluate them, benchmark environment speed.",
        subcommands = {
            RlCommand.Envs.class,
            RlCommand.Train.class,
            RlCommand.Evaluate.class,
            RlBench.class
        })
final class RlCommand {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC);

    @Command(name = "envs", mixinStandardHelpOptions = true, description = "List environments.")
    static final class Envs extends HomeCommand {
        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (String id : WorldEnvironments.ids()) {
                Environment e = WorldEnvironments.factory(id).get();
                out.printf(
                        Locale.ROOT,
                        "%-18s observation %3d, actions %s, time limit %d%n",
                        id,
                        e.observationSize(),
                        e.actionSpace(),
                        e.maxEpisodeSteps());
            }
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "train",
            mixinStandardHelpOptions = true,
            description = {
                "Train a policy, judge its best checkpoint on fresh episodes and register it.",
                "Writes rewards.csv, rewards.png and checkpoints/ under",
                "<home>/runs/rl-<algorithm>-<env>-<time>/seed-<n>/."
            })
    static final class Train extends HomeCommand {

        @Option(
                names = "--env",
                defaultValue = "CartPole-v1",
                description = "Environment id (default ${DEFAULT-VALUE}; see `rl envs`).")
        String env;

        @Option(
                names = "--algorithm",
                defaultValue = "ppo",
                description = "reinforce, ppo, dqn, ddpg or td3 (default ${DEFAULT-VALUE}).")
        String algorithm;

        @Option(
                names = "--steps",
                defaultValue = "100000",
                description = "Environment steps (default ${DEFAULT-VALUE}).")
        long steps;

        @Option(
                names = "--seeds",
                split = ",",
                defaultValue = "1",
                description = "One run per seed (default ${DEFAULT-VALUE}), e.g. 1,2,3.")
        List<Long> seeds;

        @Option(
                names = "--eval-every",
                description = "Evaluate every N steps (default: a tenth of --steps).")
        Long evalEvery;

        @Option(
                names = "--eval-episodes",
                defaultValue = "10",
                description = "Episodes per evaluation during training (default ${DEFAULT-VALUE}).")
        int evalEpisodes;

        @Option(
                names = "--target",
                description = "Mean evaluation reward that counts as solved (e.g. 475).")
        Double target;

        @Option(names = "--stop-at-target", description = "Stop a run once it is solved.")
        boolean stopAtTarget;

        @Option(
                names = "--episodes",
                defaultValue = "100",
                description =
                        "Judging episodes for the best checkpoint (default ${DEFAULT-VALUE}).")
        int episodes;

        @Option(
                names = "--name",
                description =
                        "Register under this name (default: <algorithm>-<env>, or "
                                + MuseumNavigator.NAME
                                + " for PPO on "
                                + MuseumNavigator.ENVIRONMENT
                                + ").")
        String name;

        @Option(names = "--no-register", description = "Train and judge only.")
        boolean noRegister;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Learner learner = Learners.of(algorithm, env);
            var factory = WorldEnvironments.factory(env); // checks the id
            if (steps < 1 || episodes < 1) {
                throw new InvalidDataException("--steps and --episodes must be at least 1");
            }
            if (stopAtTarget && target == null) {
                // Without a target nothing counts as solved, and the run would spend its budget.
                throw new InvalidDataException(
                        "--stop-at-target needs --target, the mean evaluation reward that counts"
                                + " as solved (e.g. --target 475 for CartPole-v1)");
            }
            WorldmindHome home = homeOption.home();
            ModelRegistry registry = new ModelRegistry(home.models());
            String modelName = name != null ? name : defaultName();
            Path base =
                    home.runs()
                            .resolve(
                                    "rl-"
                                            + learner.name()
                                            + "-"
                                            + env.toLowerCase(Locale.ROOT)
                                            + "-"
                                            + STAMP.format(Instant.now()));
            for (long seed : seeds) {
                Instant started = Instant.now();
                LearningSetup setup =
                        new LearningSetup(
                                steps,
                                seed,
                                base.resolve("seed-" + seed),
                                evalEvery != null ? evalEvery : Math.max(1, steps / 10),
                                evalEpisodes,
                                target != null ? target : Double.NaN,
                                stopAtTarget,
                                new ConsoleLearning(out));
                LearningResult r = learner.learn(factory, setup);
                PolicyScore score;
                try (Policy p = PolicyArtifact.load(r.policyDir())) {
                    score = Policies.judge(env, p, episodes, Policies.JUDGE_SEED + seed);
                }
                out.printf(
                        Locale.ROOT,
                        "%s on %s, seed %d: %,d steps in %.1f s (%,.0f steps/s); best checkpoint"
                                + " at %,d steps (%s)%s%n",
                        learner.name(),
                        env,
                        seed,
                        r.steps(),
                        r.seconds(),
                        r.stepsPerSecond(),
                        r.bestAt(),
                        r.best().summary(),
                        r.solved() ? "; solved at " + String.format("%,d", r.solvedAt()) : "");
                out.println("judged on " + episodes + " fresh episodes: " + score.summary());
                out.println("reward curve: " + r.curvePng() + " and " + r.curveCsv());
                if (!noRegister) {
                    ModelManifest m =
                            Policies.register(
                                    registry, modelName, r, score, learner.config(), seed, started);
                    out.println("registered " + m.ref());
                }
                out.flush();
            }
            return 0;
        }

        private String defaultName() {
            if (env.equals(MuseumNavigator.ENVIRONMENT) && algorithm.equals("ppo")) {
                return MuseumNavigator.NAME;
            }
            return (algorithm + "-" + env)
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("-$", "");
        }
    }

    @Command(
            name = "evaluate",
            mixinStandardHelpOptions = true,
            description =
                    "Run a registered policy deterministically: mean ± std reward over N episodes;"
                            + " on NavGrid also the success rate and path length against A* on held-out pairs.")
    static final class Evaluate extends HomeCommand {

        @Parameters(paramLabel = "MODEL", description = "name[:version|@alias] of a policy.")
        String model;

        @Option(
                names = "--episodes",
                defaultValue = "100",
                description = "Episodes (default ${DEFAULT-VALUE}).")
        int episodes;

        @Option(
                names = "--seed",
                defaultValue = "7",
                description = "Episode seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (episodes < 1) {
                throw new InvalidDataException("--episodes must be at least 1");
            }
            WorldmindHome home = homeOption.home();
            ModelRegistry registry = new ModelRegistry(home.models());
            ModelManifest m = registry.get(model);
            if (!m.kind().equals(ModelManifest.POLICY)) {
                throw new InvalidDataException(
                        m.ref() + " is a " + m.kind() + ", not a " + ModelManifest.POLICY);
            }
            Path dir = registry.directory(m.ref());
            PolicyArtifact artifact = PolicyArtifact.read(dir);
            long t0 = System.nanoTime();
            PolicyScore score;
            try (Policy p = PolicyArtifact.load(dir)) {
                score = Policies.judge(artifact.environment(), p, episodes, seed);
            }
            out.printf(
                    Locale.ROOT,
                    "%s (%s on %s): %s%n",
                    m.ref(),
                    artifact.algorithm(),
                    artifact.environment(),
                    score.summary().replace("\n", "\n  "));
            out.printf(Locale.ROOT, "%.1f s%n", (System.nanoTime() - t0) / 1e9);
            out.flush();
            return 0;
        }
    }
}
