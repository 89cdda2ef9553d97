/**
 * Navigation on a space's floor: the walkable layout sampled as a grid of square cells, eight-way
 * moves that never cut a blocked corner, and A* shortest paths, the planner and yardstick for the
 * learned navigation policies. Depends on {@code data.world} only; grids and paths are immutable
 * and thread-safe.
 */
package dev.worldmind.model.navigation;
