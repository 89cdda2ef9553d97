package dev.worldmind.data.text;

import java.util.Objects;

/**
 * One piece of text with its class.
 *
 * @param text the text, never blank
 * @param label the class index into the corpus' class list
 * @param source where it came from inside the dataset (e.g. {@code yelp}, {@code spam-2/00001})
 */
public record LabelledText(String text, int label, String source) {
    public LabelledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        if (text.isBlank()) {
            throw new IllegalArgumentException("labelled text is not blank (" + source + ")");
        }
        if (label < 0) {
            throw new IllegalArgumentException("labels are class indices >= 0: " + label);
        }
    }
}
