package dev.worldmind.data.catalog;

import dev.worldmind.data.store.DatasetSpec;
import java.util.List;
import java.util.Optional;

/** Every dataset Worldmind knows, by name: what the Studio and {@code worldmind data} list. */
public final class Catalogue {
    private static final List<DatasetSpec> ALL =
            List.of(
                    Mnist.SPEC,
                    FashionMnist.SPEC,
                    SpamAssassin.SPEC,
                    UciSentiment.SPEC,
                    Afinn.SPEC,
                    VaderLexicon.SPEC,
                    NaughtyWords.SPEC,
                    CommonPasswords.SPEC);

    private Catalogue() {}

    /** The datasets, images first. */
    public static List<DatasetSpec> all() {
        return ALL;
    }

    /** A dataset by name, if known. */
    public static Optional<DatasetSpec> find(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
