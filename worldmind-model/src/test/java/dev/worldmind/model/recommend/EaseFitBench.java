package dev.worldmind.model.recommend;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.InteractionSplit;
import dev.worldmind.data.interaction.SyntheticInteractions;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * EASE's fit time for each way of computing its weights, side by side in one run on one training
 * matrix, with each candidate's largest difference from the first one's weights. Run by {@code
 * bench/ease-fit}; arguments: {@code [--preset movies] [--seed 42] [--split-seed 1] [--lambda 300]
 * [--repeats 3] [--catalogue all|seen] [--candidates dual,torch32,torch64,sweep,reference]}. With
 * {@code --catalogue all} every generated item is in the catalogue (10,000 for movies), as a
 * catalogue with unseen items would be; {@code seen} keeps only the items in the training split.
 */
final class EaseFitBench {
    private EaseFitBench() {}

    private static final Map<String, Candidate> CANDIDATES = new LinkedHashMap<>();

    @FunctionalInterface
    private interface Candidate {
        float[] weights(InteractionMatrix x, double lambda);
    }

    static {
        ProgressMonitor quiet = ProgressMonitor.silent();
        CANDIDATES.put(
                "dual", (x, l) -> EaseWeights.dual(x, l, true, quiet, SymmetricInverse::sweep));
        CANDIDATES.put(
                "torch32",
                (x, l) ->
                        EaseWeights.primal(
                                x,
                                l,
                                true,
                                quiet,
                                (a, n) -> SymmetricInverse.onEngine(a, n, true)));
        CANDIDATES.put(
                "torch64",
                (x, l) ->
                        EaseWeights.primal(
                                x,
                                l,
                                true,
                                quiet,
                                (a, n) -> SymmetricInverse.onEngine(a, n, false)));
        CANDIDATES.put(
                "sweep", (x, l) -> EaseWeights.primal(x, l, true, quiet, SymmetricInverse::sweep));
        CANDIDATES.put("reference", (x, l) -> EaseReference.weights(x, l, true));
    }

    public static void main(String[] args) {
        Map<String, String> opt = new LinkedHashMap<>();
        opt.put("preset", "movies");
        opt.put("seed", "42");
        opt.put("split-seed", "1");
        opt.put("lambda", Double.toString(Ease.DEFAULT_LAMBDA));
        opt.put("repeats", "3");
        opt.put("catalogue", "all");
        opt.put("candidates", String.join(",", CANDIDATES.keySet()));
        for (int k = 0; k + 1 < args.length; k += 2) {
            if (!args[k].startsWith("--") || !opt.containsKey(args[k].substring(2))) {
                throw new IllegalArgumentException("unknown option " + args[k] + "; know " + opt);
            }
            opt.put(args[k].substring(2), args[k + 1]);
        }
        SyntheticInteractions data =
                SyntheticInteractions.generate(
                        SyntheticInteractions.Config.preset(opt.get("preset"))
                                .withSeed(Long.parseLong(opt.get("seed"))));
        InteractionSplit split =
                InteractionSplit.random(
                        data.interactions(), 0.2, Long.parseLong(opt.get("split-seed")));
        InteractionMatrix seen = InteractionMatrix.of(split.train());
        InteractionMatrix x =
                opt.get("catalogue").equals("all")
                        ? InteractionMatrix.of(split.train(), seen.userIds(), data.itemIds())
                        : seen;
        double lambda = Double.parseDouble(opt.get("lambda"));
        int repeats = Integer.parseInt(opt.get("repeats"));
        System.out.printf(
                Locale.ROOT,
                "EASE fit, %s (preset %s, seed %s, split seed %s), lambda %s, %d cores, max heap"
                        + " %d MiB, load average at start %.2f%n",
                x,
                opt.get("preset"),
                opt.get("seed"),
                opt.get("split-seed"),
                lambda,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println(
                "candidate   median s     min s     max s   load   max |B - B_first|  seconds");
        float[] first = null;
        for (String name : opt.get("candidates").split(",")) {
            Candidate c = CANDIDATES.get(name);
            if (c == null) {
                throw new IllegalArgumentException(
                        "no candidate " + name + "; there are " + CANDIDATES.keySet());
            }
            double[] seconds = new double[repeats];
            double diff = 0;
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                float[] b = c.weights(x, lambda);
                seconds[r] = (System.nanoTime() - t0) / 1e9;
                if (first == null) {
                    first = b;
                } else if (r == 0) {
                    diff = maxDifference(first, b);
                }
                b = null;
                System.gc();
            }
            List<String> each = new ArrayList<>();
            for (double s : seconds) {
                each.add(String.format(Locale.ROOT, "%.2f", s));
            }
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            System.out.printf(
                    Locale.ROOT,
                    "%-10s %9.2f %9.2f %9.2f %6.2f %18.2e  %s%n",
                    name,
                    sorted[repeats / 2],
                    sorted[0],
                    sorted[repeats - 1],
                    load,
                    diff,
                    String.join(" ", each));
        }
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int k = 0; k < a.length; k++) {
            max = Math.max(max, Math.abs(a[k] - b[k]));
        }
        return max;
    }
}
