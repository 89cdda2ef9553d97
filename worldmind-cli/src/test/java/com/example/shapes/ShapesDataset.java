package com.example.shapes;

import dev.worldmind.app.dataset.DatasetDescriptor;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.catalog.TrainTest;
import dev.worldmind.data.image.Augmentation;
import dev.worldmind.data.store.DatasetFile;
import dev.worldmind.data.store.DatasetSource;
import dev.worldmind.data.store.DatasetSpec;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.vision.Architectures;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A dataset added the way a plugin adds one, in this class and one line of {@code
 * META-INF/services/dev.worldmind.app.dataset.DatasetDescriptor}: bars, pillars and boxes drawn at
 * random on 28x28 noise, 150 training and 60 test images, generated from a fixed seed into MNIST's
 * IDX layout. Its source generates the files; the store checks them against the checksums below.
 */
public final class ShapesDataset implements DatasetDescriptor {
    /** Its name. */
    public static final String ID = "shapes";

    /** The name its classifier is registered under unless told otherwise. */
    public static final String MODEL = "shape-sorter";

    private static final List<String> CLASSES = List.of("bar", "pillar", "box");
    private static final int SIDE = 28;
    private static final long SEED = 2026;

    private static final DatasetSpec SPEC =
            new DatasetSpec(
                    ID,
                    "Bars, pillars and boxes on noise, 150 train / 60 test, 28x28 (a test plugin)",
                    List.of(
                            new DatasetFile(
                                    "train-images-idx3-ubyte",
                                    "e99fe0561730fee66fbdac33000089c827b6e8a6da4e69e69a108913482086e3"),
                            new DatasetFile(
                                    "train-labels-idx1-ubyte",
                                    "96bb23212026b601aff1ebf25dfe31af6993d3f0d2f9c652a8118dcf1a7ec4e5"),
                            new DatasetFile(
                                    "t10k-images-idx3-ubyte",
                                    "65ba4f726239a34ff96d1734141fe2813bf1d4aef0849a39b669b035fbf61875"),
                            new DatasetFile(
                                    "t10k-labels-idx1-ubyte",
                                    "bccbbdd1c6a22c95a5d4baee5aeaa45702537f0770106ccd7ea8b5b8b8039755")),
                    new Generated());

    @Override
    public DatasetSpec spec() {
        return SPEC;
    }

    @Override
    public List<String> classes() {
        return CLASSES;
    }

    @Override
    public TrainTest load(Path dir) {
        return TrainTest.fromIdx(SPEC, dir, "", CLASSES);
    }

    @Override
    public String defaultArchitecture() {
        return Architectures.MLP;
    }

    @Override
    public TrainingConfig.Builder recipe(String architecture) {
        return TrainingConfig.builder()
                .setArchitecture(architecture)
                .optEpochs(4)
                .optBatchSize(16)
                .optLearningRate(2e-3f);
    }

    @Override
    public Augmentation augmentation() {
        return Augmentation.NONE;
    }

    @Override
    public String defaultModelName() {
        return MODEL;
    }

    /** Draws the images; the same seed always gives the same bytes. */
    static final class Generated implements DatasetSource {
        @Override
        public void fetch(DatasetSpec spec, Path target, ProgressMonitor progress) {
            Random random = new Random(SEED);
            write(target, "train", 150, random);
            write(target, "t10k", 60, random);
        }

        @Override
        public String describe() {
            return "generated from seed " + SEED;
        }

        private static void write(Path dir, String split, int count, Random random) {
            byte[] pixels = new byte[count * SIDE * SIDE];
            byte[] labels = new byte[count];
            for (int i = 0; i < count; i++) {
                int label = i % CLASSES.size();
                labels[i] = (byte) label;
                draw(pixels, i * SIDE * SIDE, label, random);
            }
            try {
                idx(dir.resolve(split + "-images-idx3-ubyte"), pixels, count, SIDE, SIDE);
                idx(dir.resolve(split + "-labels-idx1-ubyte"), labels, count);
            } catch (IOException e) {
                throw new WorldmindException("cannot write " + split + ": " + e, e);
            }
        }

        private static void draw(byte[] pixels, int at, int label, Random random) {
            for (int p = 0; p < SIDE * SIDE; p++) {
                pixels[at + p] = (byte) random.nextInt(40);
            }
            int length = 10 + random.nextInt(8);
            int x = 2 + random.nextInt(SIDE - length - 4);
            int y = 2 + random.nextInt(SIDE - length - 4);
            for (int k = 0; k < length; k++) {
                for (int t = 0; t < 2; t++) {
                    switch (label) {
                        case 0 -> set(pixels, at, x + k, y + length / 2 + t);
                        case 1 -> set(pixels, at, x + length / 2 + t, y + k);
                        default -> {
                            set(pixels, at, x + k, y + t);
                            set(pixels, at, x + k, y + length - 1 - t);
                            set(pixels, at, x + t, y + k);
                            set(pixels, at, x + length - 1 - t, y + k);
                        }
                    }
                }
            }
        }

        private static void set(byte[] pixels, int at, int x, int y) {
            pixels[at + y * SIDE + x] = (byte) 230;
        }

        /** MNIST's IDX format: two zero bytes, type 8 (unsigned byte), rank, sizes, data. */
        private static void idx(Path file, byte[] data, int... sizes) throws IOException {
            try (OutputStream raw = Files.newOutputStream(file);
                    DataOutputStream out = new DataOutputStream(raw)) {
                out.writeInt(0x0800 | sizes.length);
                for (int s : sizes) {
                    out.writeInt(s);
                }
                out.write(data);
            }
        }
    }
}
