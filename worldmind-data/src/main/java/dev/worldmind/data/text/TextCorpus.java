package dev.worldmind.data.text;

import dev.worldmind.core.provenance.Provenance.DatasetRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A named set of labelled texts with its class names and provenance.
 *
 * @param name what the corpus is, e.g. {@code uci-sentiment/train}
 * @param classes the class names, in label order
 * @param items the texts
 * @param ref the dataset it came from, for provenance
 */
public record TextCorpus(
        String name, List<String> classes, List<LabelledText> items, DatasetRef ref) {
    public TextCorpus {
        Objects.requireNonNull(name, "name");
        classes = List.copyOf(classes);
        items = List.copyOf(items);
        Objects.requireNonNull(ref, "ref");
        if (classes.size() < 2) {
            throw new IllegalArgumentException("a corpus has at least two classes");
        }
        for (LabelledText item : items) {
            if (item.label() >= classes.size()) {
                throw new IllegalArgumentException(
                        "label " + item.label() + " of " + item.source() + " has no class name");
            }
        }
    }

    /** Returns the number of texts. */
    public int size() {
        return items.size();
    }

    /** Returns the texts alone, in order. */
    public List<String> texts() {
        return items.stream().map(LabelledText::text).toList();
    }

    /** Returns the labels alone, in order. */
    public int[] labels() {
        return items.stream().mapToInt(LabelledText::label).toArray();
    }

    /**
     * Splits the corpus into training and held-out parts, stratified by class: every class
     * contributes the same share to the held-out part. The same seed always gives the same split.
     *
     * @param heldOutShare the share held out, in (0, 1)
     * @param seed the shuffling seed
     * @return the split, named {@code <name>/train} and {@code <name>/test}
     */
    public TextSplit split(double heldOutShare, long seed) {
        if (!(heldOutShare > 0 && heldOutShare < 1)) {
            throw new IllegalArgumentException(
                    "the held-out share lies in (0, 1): " + heldOutShare);
        }
        List<LabelledText> train = new ArrayList<>();
        List<LabelledText> test = new ArrayList<>();
        Random random = new Random(seed);
        for (int c = 0; c < classes.size(); c++) {
            int label = c;
            List<LabelledText> ofClass =
                    new ArrayList<>(items.stream().filter(t -> t.label() == label).toList());
            Collections.shuffle(ofClass, random);
            int held = (int) Math.round(ofClass.size() * heldOutShare);
            test.addAll(ofClass.subList(0, held));
            train.addAll(ofClass.subList(held, ofClass.size()));
        }
        Collections.shuffle(train, random);
        Collections.shuffle(test, random);
        String how = " (seed " + seed + ", " + Math.round(heldOutShare * 100) + "% held out)";
        return new TextSplit(
                new TextCorpus(
                        name + "/train",
                        classes,
                        train,
                        new DatasetRef(ref.name(), ref.sha256(), name + "/train" + how)),
                new TextCorpus(
                        name + "/test",
                        classes,
                        test,
                        new DatasetRef(ref.name(), ref.sha256(), name + "/test" + how)));
    }
}
