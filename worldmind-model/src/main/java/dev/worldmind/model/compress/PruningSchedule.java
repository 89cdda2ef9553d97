package dev.worldmind.model.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How sparsity rises during fine-tuning: a list of steps, each pruning to a sparsity and then
 * fine-tuning for some epochs with that mask held. One step is one-shot pruning; several rising
 * steps are gradual pruning, which gives the network a chance to adapt before the last cut.
 *
 * @param steps the steps, in order; sparsity never falls from one to the next
 */
public record PruningSchedule(List<Step> steps) {
    public PruningSchedule {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a pruning schedule needs at least one step");
        }
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).sparsity() < steps.get(i - 1).sparsity()) {
                throw new IllegalArgumentException(
                        "sparsity must not fall between steps: " + describe(steps));
            }
        }
    }

    /**
     * Prunes once to the target, then fine-tunes.
     *
     * @param sparsity the target sparsity, in [0, 1)
     * @param epochs the fine-tuning epochs (0: prune only)
     * @return the schedule
     */
    public static PruningSchedule oneShot(double sparsity, int epochs) {
        return new PruningSchedule(List.of(new Step(sparsity, epochs)));
    }

    /**
     * Prunes to each intermediate sparsity for one epoch, then to the target for the remaining
     * epochs.
     *
     * @param intermediate the lower sparsities to pass through, rising
     * @param target the final sparsity
     * @param epochs the total fine-tuning epochs; more than the intermediate steps
     * @return the schedule
     */
    public static PruningSchedule gradual(List<Double> intermediate, double target, int epochs) {
        if (epochs <= intermediate.size()) {
            throw new IllegalArgumentException(
                    "gradual pruning through "
                            + intermediate.size()
                            + " intermediate steps needs more than "
                            + intermediate.size()
                            + " epochs, got "
                            + epochs);
        }
        List<Step> steps = new ArrayList<>();
        for (double s : intermediate) {
            steps.add(new Step(s, 1));
        }
        steps.add(new Step(target, epochs - intermediate.size()));
        return new PruningSchedule(steps);
    }

    /** Returns the final sparsity. */
    public double target() {
        return steps.get(steps.size() - 1).sparsity();
    }

    /** Returns the fine-tuning epochs over all steps. */
    public int totalEpochs() {
        return steps.stream().mapToInt(Step::epochs).sum();
    }

    /** Returns the steps in one line, e.g. {@code 50% x1 epoch -> 80% x2 epochs}. */
    public String describe() {
        return describe(steps);
    }

    private static String describe(List<Step> steps) {
        return steps.stream()
                .map(
                        s ->
                                String.format(
                                        Locale.ROOT,
                                        "%s x%d epoch%s",
                                        percent(s.sparsity()),
                                        s.epochs(),
                                        s.epochs() == 1 ? "" : "s"))
                .collect(Collectors.joining(" -> "));
    }

    /**
     * Formats a sparsity as a percentage without needless decimals, e.g. {@code 80%} or {@code
     * 87.5%}.
     *
     * @param sparsity the share, in [0, 1]
     * @return the text
     */
    public static String percent(double sparsity) {
        double p = Math.round(sparsity * 1000) / 10.0;
        return p == Math.rint(p)
                ? String.format(Locale.ROOT, "%d%%", (long) p)
                : String.format(Locale.ROOT, "%.1f%%", p);
    }

    /**
     * One step.
     *
     * @param sparsity the share of convolution and dense weights held at zero, in [0, 1)
     * @param epochs the fine-tuning epochs with that mask (0: prune only)
     */
    public record Step(double sparsity, int epochs) {
        public Step {
            if (!(sparsity >= 0 && sparsity < 1)) {
                throw new IllegalArgumentException("sparsity must be in [0, 1): " + sparsity);
            }
            if (epochs < 0 || epochs > 10_000) {
                throw new IllegalArgumentException("epochs must be between 0 and 10000");
            }
        }
    }
}
