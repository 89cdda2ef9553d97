package dev.worldmind.model.recommend;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.interaction.SparseVector;

/**
 * Trained user and item factors (row-major, {@code k} per row) and what scoring needs from them:
 * dot products, cosine similarity of items and the mean user for an empty history. Immutable and
 * thread-safe; shared by the matrix-factorisation recommenders.
 */
final class Factors {
    final int k;
    final int users;
    final int items;
    final float[] user;
    final float[] item;
    private final float[] itemNorm;
    private final float[] meanUser;

    Factors(int k, float[] user, float[] item, String algorithm) {
        if (k < 1 || user.length % k != 0 || item.length % k != 0) {
            throw new InvalidDataException(
                    algorithm
                            + " factors do not fit "
                            + k
                            + " per row: "
                            + user.length
                            + " user and "
                            + item.length
                            + " item values");
        }
        this.k = k;
        this.user = user;
        this.item = item;
        this.users = user.length / k;
        this.items = item.length / k;
        itemNorm = new float[items];
        for (int i = 0; i < items; i++) {
            double s = 0;
            for (int f = 0; f < k; f++) {
                s += (double) item[i * k + f] * item[i * k + f];
            }
            itemNorm[i] = (float) Math.sqrt(s);
        }
        meanUser = new float[k];
        for (int u = 0; u < users; u++) {
            for (int f = 0; f < k; f++) {
                meanUser[f] += user[u * k + f] / (float) users;
            }
        }
    }

    /** A copy of user {@code u}'s vector. */
    float[] user(int u) {
        if (u < 0 || u >= users) {
            throw new NotFoundException(
                    "user " + u + " is not in the training data of " + users + " users");
        }
        float[] x = new float[k];
        System.arraycopy(user, u * k, x, 0, k);
        return x;
    }

    /** The average trained user: what an empty history gets. */
    float[] meanUser() {
        return meanUser.clone();
    }

    /** {@code bias[i] + x · item_i} for every item; {@code bias} may be null. */
    float[] scores(float[] x, float[] bias) {
        float[] s = new float[items];
        for (int i = 0; i < items; i++) {
            int o = i * k;
            double d = bias == null ? 0 : bias[i];
            for (int f = 0; f < k; f++) {
                d += x[f] * item[o + f];
            }
            s[i] = (float) d;
        }
        return s;
    }

    /** Cosine similarity of every item's factors to item {@code i}'s (0 for a zero vector). */
    float[] cosine(int i) {
        checkItem(i);
        float[] s = new float[items];
        int a = i * k;
        for (int j = 0; j < items; j++) {
            double denominator = (double) itemNorm[i] * itemNorm[j];
            if (denominator == 0) {
                continue;
            }
            int b = j * k;
            double d = 0;
            for (int f = 0; f < k; f++) {
                d += item[a + f] * item[b + f];
            }
            s[j] = (float) (d / denominator);
        }
        return s;
    }

    void checkItem(int i) {
        if (i < 0 || i >= items) {
            throw new NotFoundException("item " + i + " is not in the catalogue of " + items);
        }
    }

    /** Checks that a history names only known items. */
    void checkHistory(SparseVector history) {
        if (!history.isEmpty()) {
            checkItem(history.index(history.size() - 1));
        }
    }
}
