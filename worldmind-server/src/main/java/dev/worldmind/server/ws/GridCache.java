package dev.worldmind.server.ws;

import dev.worldmind.data.world.Layout;
import dev.worldmind.model.navigation.WalkGrid;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The guides' floor grids, the few most recently used ones. Keyed by the layout itself (a record),
 * so a space whose layout changes gets a new grid and the old one ages out, and bounded, so grids
 * of many spaces cannot pile up. A JDK {@link LinkedHashMap} in access order is enough for a
 * handful of entries used by one planning thread; no cache library is a dependency. Thread-safe.
 */
final class GridCache {
    /**
     * How many grids are kept: a biggest allowed grid is 40,000 cells, about 1 MB with its list.
     */
    static final int KEPT = 16;

    private final double cellSize;
    private final Map<Layout, WalkGrid> grids =
            new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Layout, WalkGrid> eldest) {
                    return size() > KEPT;
                }
            };

    /**
     * @param cellSize the cells' side, in metres
     */
    GridCache(double cellSize) {
        this.cellSize = cellSize;
    }

    /**
     * The grid of a layout, sampled on first use (under this cache's lock: one planner uses it).
     */
    synchronized WalkGrid get(Layout layout) {
        return grids.computeIfAbsent(layout, l -> WalkGrid.of(l, cellSize));
    }

    synchronized int size() {
        return grids.size();
    }
}
