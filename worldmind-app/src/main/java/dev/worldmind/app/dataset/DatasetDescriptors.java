package dev.worldmind.app.dataset;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.core.plugin.Plugins;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The image datasets on the class path, found with {@link java.util.ServiceLoader} through {@link
 * Plugins}: the built-in ones ({@code mnist}, {@code fashion-mnist}) first, then plugins.
 * Immutable.
 */
public final class DatasetDescriptors {
    private final Map<String, DatasetDescriptor> datasets;

    private DatasetDescriptors(Map<String, DatasetDescriptor> datasets) {
        this.datasets = Collections.unmodifiableMap(datasets);
    }

    /**
     * Every dataset registered in {@code
     * META-INF/services/dev.worldmind.app.dataset.DatasetDescriptor}, looked up once per class
     * loader.
     */
    public static DatasetDescriptors installed() {
        return Installed.ALL;
    }

    /** Loaded on first use, so a plugin's class path is complete by then. */
    private static final class Installed {
        static final DatasetDescriptors ALL = load();
    }

    private static DatasetDescriptors load() {
        return new DatasetDescriptors(
                Plugins.byName(DatasetDescriptor.class, DatasetDescriptor::id));
    }

    /**
     * Returns a dataset.
     *
     * @param id its name, e.g. {@code fashion-mnist}
     * @return the dataset
     * @throws NotFoundException for an unknown name, listing the known ones
     */
    public DatasetDescriptor get(String id) {
        return find(id).orElseThrow(
                        () ->
                                new NotFoundException(
                                        "unknown image dataset '"
                                                + id
                                                + "'; known: "
                                                + String.join(", ", datasets.keySet())));
    }

    /** Returns a dataset, if there is one by that name. */
    public Optional<DatasetDescriptor> find(String id) {
        return Optional.ofNullable(id == null ? null : datasets.get(id));
    }

    /** All datasets, built-in ones first. */
    public Collection<DatasetDescriptor> all() {
        return datasets.values();
    }

    /** The names of every dataset. */
    public Set<String> ids() {
        return datasets.keySet();
    }
}
