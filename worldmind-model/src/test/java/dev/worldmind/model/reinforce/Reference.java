package dev.worldmind.model.reinforce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the reference trajectories written by {@code reference.py} (test resources). */
final class Reference {
    private Reference() {}

    static List<double[]> rows(String name) {
        try (InputStream in = Reference.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            List<double[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                double[] r = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    r[i] = Double.parseDouble(f[i]);
                }
                rows.add(r);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
