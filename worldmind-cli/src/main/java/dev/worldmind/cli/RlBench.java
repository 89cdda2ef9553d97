package dev.worldmind.cli;

import dev.worldmind.app.reinforce.WorldEnvironments;
import dev.worldmind.model.reinforce.ActionSpace;
import dev.worldmind.model.reinforce.Environment;
import dev.worldmind.model.reinforce.Step;
import dev.worldmind.model.reinforce.VectorEnvironment;
import dev.worldmind.model.reinforce.VectorStep;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code worldmind rl bench}: environment speed on its own, no learning: uniformly random actions,
 * resets included, one copy and a vector of 8, after a warm-up. Prints one {@code env
 * steps_per_second} line per case ({@code bench/rl} sets them beside the NumPy peer).
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Environment steps per second with random actions (no learning).")
final class RlBench extends HomeCommand {
    @Option(
            names = "--steps",
            defaultValue = "1000000",
            description = "Steps per case (default ${DEFAULT-VALUE}).")
    long steps;

    @Option(
            names = "--envs",
            split = ",",
            defaultValue = "CartPole-v1,Pendulum-v1,NavGrid-museum",
            description = "Environments (default ${DEFAULT-VALUE}).")
    List<String> envs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (String id : envs) {
            Supplier<Environment> factory = WorldEnvironments.factory(id);
            single(factory, Math.max(1, steps / 10)); // warm-up
            double one = single(factory, steps);
            double eight = vector(factory, steps);
            out.printf(Locale.ROOT, "%s single %.0f%n", id, one);
            out.printf(Locale.ROOT, "%s vector8 %.0f%n", id, eight);
            out.flush();
        }
        return 0;
    }

    private static double single(Supplier<Environment> factory, long steps) {
        Environment env = factory.get();
        SplittableRandom random = new SplittableRandom(1);
        float[][] box = bounds(env.actionSpace());
        env.reset(random.nextLong());
        long t0 = System.nanoTime();
        double sink = 0;
        for (long i = 0; i < steps; i++) {
            Step s =
                    box == null
                            ? env.step(
                                    random.nextInt(((ActionSpace.Discrete) env.actionSpace()).n()))
                            : env.step(sample(box, random));
            sink += s.reward();
            if (s.done()) {
                env.reset(random.nextLong());
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return sink == Double.MAX_VALUE ? 0 : steps / seconds;
    }

    private static double vector(Supplier<Environment> factory, long steps) {
        VectorEnvironment vec = new VectorEnvironment(factory, 8, 1);
        SplittableRandom random = new SplittableRandom(2);
        Environment probe = vec.first();
        float[][] box = bounds(probe.actionSpace());
        vec.reset();
        long t0 = System.nanoTime();
        double sink = 0;
        while (vec.steps() < steps) {
            VectorStep s;
            if (box == null) {
                int n = ((ActionSpace.Discrete) probe.actionSpace()).n();
                int[] a = new int[8];
                for (int i = 0; i < 8; i++) {
                    a[i] = random.nextInt(n);
                }
                s = vec.step(a);
            } else {
                float[][] a = new float[8][];
                for (int i = 0; i < 8; i++) {
                    a[i] = sample(box, random);
                }
                s = vec.step(a);
            }
            sink += s.rewards()[0];
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return sink == Double.MAX_VALUE ? 0 : vec.steps() / seconds;
    }

    private static float[][] bounds(ActionSpace space) {
        return space instanceof ActionSpace.Box b ? new float[][] {b.low(), b.high()} : null;
    }

    private static float[] sample(float[][] box, SplittableRandom random) {
        float[] a = new float[box[0].length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (box[0][i] + random.nextDouble() * (box[1][i] - box[0][i]));
        }
        return a;
    }
}
