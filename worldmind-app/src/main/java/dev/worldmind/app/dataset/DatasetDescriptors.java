package dev.worldmind.app.dataset;

import dev.worldmind.core.NotFoundException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The image datasets on the class path, found with {@link ServiceLoader} in the order their
 * services files list them (the built-in {@code mnist} first). Immutable.
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
        Map<String, DatasetDescriptor> found = new LinkedHashMap<>();
        for (DatasetDescriptor d :
                ServiceLoader.load(
                        DatasetDescriptor.class, DatasetDescriptors.class.getClassLoader())) {
            DatasetDescriptor before = found.putIfAbsent(d.id(), d);
            if (before != null) {
                throw new IllegalStateException(
                        "two datasets are called "
                                + d.id()
                                + ": "
                                + before.getClass()
                                + ", "
                                + d.getClass());
            }
        }
        return new DatasetDescriptors(found);
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
