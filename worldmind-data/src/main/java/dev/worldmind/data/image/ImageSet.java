package dev.worldmind.data.image;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.idx.IdxArray;
import dev.worldmind.data.idx.IdxReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Labelled grayscale images held in memory as raw unsigned bytes, one channel, row-major: the form
 * MNIST and Fashion-MNIST come in. Immutable: every operation returns a new set.
 *
 * @param name a name for messages and provenance, e.g. {@code mnist/train}
 * @param height image height in pixels
 * @param width image width in pixels
 * @param pixels {@code count * height * width} bytes, to be read as unsigned
 * @param labels one class index per image
 * @param classNames the name of each class; labels index into it
 */
public record ImageSet(
        String name, int height, int width, byte[] pixels, byte[] labels, List<String> classNames) {

    public ImageSet {
        Objects.requireNonNull(name, "name");
        classNames = List.copyOf(classNames);
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive");
        }
        if (pixels.length != (long) labels.length * height * width) {
            throw new IllegalArgumentException(
                    name
                            + ": "
                            + pixels.length
                            + " pixel bytes do not make "
                            + labels.length
                            + " images of "
                            + height
                            + "x"
                            + width);
        }
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xff;
            if (label >= classNames.size()) {
                throw new InvalidDataException(
                        name
                                + ": label "
                                + label
                                + " of image "
                                + i
                                + " is not one of the "
                                + classNames.size()
                                + " classes");
            }
        }
    }

    /**
     * Loads images and labels from a pair of IDX files and checks they belong together.
     *
     * @param name the set's name
     * @param imagesFile IDX file of rank 3 (count, height, width)
     * @param labelsFile IDX file of rank 1 (count)
     * @param classNames the class names
     * @return the set
     * @throws InvalidDataException if either file is invalid or they do not match
     */
    public static ImageSet fromIdx(
            String name, Path imagesFile, Path labelsFile, List<String> classNames) {
        IdxArray images = IdxReader.read(imagesFile);
        IdxArray labels = IdxReader.read(labelsFile);
        int[] dims = images.dimensions();
        if (dims.length != 3) {
            throw new InvalidDataException(
                    imagesFile
                            + " is not an image file: expected 3 dimensions (count, height,"
                            + " width), found "
                            + Arrays.toString(dims));
        }
        if (labels.dimensions().length != 1) {
            throw new InvalidDataException(
                    labelsFile
                            + " is not a label file: expected 1 dimension, found "
                            + Arrays.toString(labels.dimensions()));
        }
        if (labels.count() != images.count()) {
            throw new InvalidDataException(
                    "mismatched files: "
                            + imagesFile
                            + " has "
                            + images.count()
                            + " images but "
                            + labelsFile
                            + " has "
                            + labels.count()
                            + " labels");
        }
        return new ImageSet(name, dims[1], dims[2], images.data(), labels.data(), classNames);
    }

    /** Returns the number of images. */
    public int size() {
        return labels.length;
    }

    /** Returns the number of pixels in one image. */
    public int imageSize() {
        return height * width;
    }

    /** Returns the number of classes. */
    public int classCount() {
        return classNames.size();
    }

    /**
     * Returns the class of image {@code i}.
     *
     * @param i the image index
     */
    public int label(int i) {
        return labels[i] & 0xff;
    }

    /**
     * Copies image {@code i}, scaled to [0, 1], into {@code out} at {@code offset}.
     *
     * @param i the image index
     * @param out the destination
     * @param offset where image {@code i} starts in {@code out}
     */
    public void copyImage(int i, float[] out, int offset) {
        int n = imageSize();
        int base = i * n;
        for (int p = 0; p < n; p++) {
            out[offset + p] = (pixels[base + p] & 0xff) / 255f;
        }
    }

    /**
     * Returns the images at the given indices, in that order.
     *
     * @param indices which images
     * @param newName the new set's name
     * @return the subset
     */
    public ImageSet select(int[] indices, String newName) {
        int n = imageSize();
        byte[] p = new byte[indices.length * n];
        byte[] l = new byte[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * n, p, k * n, n);
            l[k] = labels[indices[k]];
        }
        return new ImageSet(newName, height, width, p, l, classNames);
    }

    /**
     * Returns the first {@code count} images (all of them if there are fewer).
     *
     * @param count how many
     */
    public ImageSet head(int count) {
        int k = Math.min(count, size());
        int[] idx = new int[k];
        Arrays.setAll(idx, i -> i);
        return select(idx, name + "[:" + k + "]");
    }

    /**
     * Splits off a validation set, stratified by class so each class keeps its share; the same seed
     * always gives the same split.
     *
     * @param validationFraction share of each class that goes to validation, in [0, 1)
     * @param seed the seed of the shuffle
     * @return training and validation sets
     */
    public Split split(double validationFraction, long seed) {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException(
                    "validation fraction must be in [0, 1): " + validationFraction);
        }
        Random random = new Random(seed);
        int[][] byClass = new int[classCount()][];
        int[] counts = new int[classCount()];
        for (int i = 0; i < size(); i++) {
            counts[label(i)]++;
        }
        for (int c = 0; c < byClass.length; c++) {
            byClass[c] = new int[counts[c]];
            counts[c] = 0;
        }
        for (int i = 0; i < size(); i++) {
            int c = label(i);
            byClass[c][counts[c]++] = i;
        }
        int[] train = new int[size()];
        int[] validation = new int[size()];
        int t = 0;
        int v = 0;
        for (int[] members : byClass) {
            Shuffle.inPlace(members, random);
            int cut = (int) Math.round(members.length * validationFraction);
            for (int k = 0; k < members.length; k++) {
                if (k < cut) {
                    validation[v++] = members[k];
                } else {
                    train[t++] = members[k];
                }
            }
        }
        int[] trainIdx = Arrays.copyOf(train, t);
        int[] valIdx = Arrays.copyOf(validation, v);
        Arrays.sort(trainIdx);
        Arrays.sort(valIdx);
        return new Split(
                select(trainIdx, name + "/train-part"), select(valIdx, name + "/validation-part"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageSet s
                && name.equals(s.name)
                && height == s.height
                && width == s.width
                && Arrays.equals(pixels, s.pixels)
                && Arrays.equals(labels, s.labels)
                && classNames.equals(s.classNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, height, width, Arrays.hashCode(labels), classNames);
    }

    @Override
    public String toString() {
        return name + " (" + size() + " images " + height + "x" + width + ")";
    }

    /**
     * A training set and the validation set split off it.
     *
     * @param train what the model learns from
     * @param validation what early stopping and model selection look at
     */
    public record Split(ImageSet train, ImageSet validation) {}
}
