package dev.worldmind.cli;

import dev.worldmind.app.dataset.DatasetDescriptors;
import java.util.Iterator;

/** The installed image datasets' names, for picocli's {@code ${COMPLETION-CANDIDATES}}. */
final class DatasetNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return DatasetDescriptors.installed().ids().iterator();
    }
}
