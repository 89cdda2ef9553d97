package dev.worldmind.model.reinforce;

import dev.worldmind.core.InvalidDataException;
import java.util.Arrays;

/** What an agent may do in an environment: one of n choices, or a vector in a box. */
public sealed interface ActionSpace {
    /**
     * One of {@code n} actions, numbered from 0.
     *
     * @param n how many
     */
    record Discrete(int n) implements ActionSpace {
        public Discrete {
            if (n < 1) {
                throw new IllegalArgumentException(
                        "a discrete space has at least one action: " + n);
            }
        }

        /**
         * Checks an action.
         *
         * @param action the action
         * @throws InvalidDataException if it is not in {@code [0, n)}
         */
        public void check(int action) {
            if (action < 0 || action >= n) {
                throw new InvalidDataException(
                        "action " + action + " is not one of the " + n + " actions 0.." + (n - 1));
            }
        }
    }

    /**
     * A vector with each component in {@code [low[i], high[i]]}.
     *
     * @param low the lower bounds
     * @param high the upper bounds
     */
    record Box(float[] low, float[] high) implements ActionSpace {
        public Box {
            if (low.length != high.length || low.length == 0) {
                throw new IllegalArgumentException("a box needs as many lower as upper bounds");
            }
            low = low.clone();
            high = high.clone();
        }

        /** How many components an action has. */
        public int dimension() {
            return low.length;
        }

        @Override
        public float[] low() {
            return low.clone();
        }

        @Override
        public float[] high() {
            return high.clone();
        }

        /**
         * Checks an action's shape and values; values outside the box are allowed (environments
         * clip them, as Gymnasium's do), non-finite ones are not.
         *
         * @param action the action
         * @throws InvalidDataException if it has the wrong length or a NaN or infinite component
         */
        public void check(float[] action) {
            if (action == null || action.length != low.length) {
                throw new InvalidDataException(
                        "an action here has "
                                + low.length
                                + " component(s), not "
                                + (action == null ? "none" : action.length));
            }
            for (float a : action) {
                if (!Float.isFinite(a)) {
                    throw new InvalidDataException(
                            "action components must be finite numbers: " + Arrays.toString(action));
                }
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
        }

        @Override
        public String toString() {
            return "Box" + Arrays.toString(low) + ".." + Arrays.toString(high);
        }
    }
}
