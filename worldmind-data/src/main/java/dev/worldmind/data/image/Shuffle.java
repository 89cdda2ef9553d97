package dev.worldmind.data.image;

import java.util.Random;

/** Fisher-Yates shuffles driven by an explicit {@link Random}, so every order is reproducible. */
public final class Shuffle {
    private Shuffle() {}

    /**
     * Shuffles an array in place.
     *
     * @param values the array
     * @param random the source of randomness
     */
    public static void inPlace(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }

    /**
     * Returns a random permutation of {@code 0..n-1}.
     *
     * @param n the length
     * @param random the source of randomness
     * @return the permutation
     */
    public static int[] permutation(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        inPlace(p, random);
        return p;
    }
}
