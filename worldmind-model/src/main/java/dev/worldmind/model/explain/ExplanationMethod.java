package dev.worldmind.model.explain;

import dev.worldmind.core.InvalidDataException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How an explanation attributes a prediction to the pixels of the image. */
public enum ExplanationMethod {
    /** Gradient-weighted class activation mapping on the last convolution's feature maps. */
    GRAD_CAM("grad-cam"),
    /** The absolute gradient of the class score with respect to each input pixel. */
    SALIENCY("saliency");

    private final String id;

    ExplanationMethod(String id) {
        this.id = id;
    }

    /** Returns the name used in the API and on the command line. */
    public String id() {
        return id;
    }

    /**
     * Parses a method name.
     *
     * @param id {@code grad-cam} or {@code saliency}
     * @return the method
     * @throws InvalidDataException for an unknown name, listing the known ones
     */
    public static ExplanationMethod parse(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (ExplanationMethod m : values()) {
            if (m.id.equals(wanted)) {
                return m;
            }
        }
        throw new InvalidDataException(
                "unknown explanation method '"
                        + id
                        + "'; known: "
                        + Arrays.stream(values())
                                .map(ExplanationMethod::id)
                                .collect(Collectors.joining(", ")));
    }
}
