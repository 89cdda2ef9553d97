package dev.worldmind.data.catalog;

import dev.worldmind.data.store.DatasetSpec;
import java.util.List;
import java.util.Optional;

/**
 * The text datasets and word lists Worldmind knows, by name. The labelled image datasets (MNIST,
 * Fashion-MNIST and plugins) are descriptors the application layer finds through {@code
 * ServiceLoader}, since their training recipes live above this layer; the Studio lists both.
 */
public final class Catalogue {
    private static final List<DatasetSpec> ALL =
            List.of(
                    SpamAssassin.SPEC,
                    UciSentiment.SPEC,
                    Afinn.SPEC,
                    VaderLexicon.SPEC,
                    NaughtyWords.SPEC,
                    CommonPasswords.SPEC);

    private Catalogue() {}

    /** The datasets. */
    public static List<DatasetSpec> all() {
        return ALL;
    }

    /** A dataset by name, if known. */
    public static Optional<DatasetSpec> find(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
