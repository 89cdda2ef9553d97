/**
 * Navigation on a space's floor: the walkable layout sampled as a grid of square cells, eight-way
 * moves that never cut a blocked corner, and A* shortest paths, the planner and yardstick for the
 * learned navigation policies; every search can be held to a {@code SearchBudget} of cells and
 * time. Depends on {@code data.world} only; grids and paths are immutable and thread-safe, a budget
 * belongs to one planning job.
 */
package dev.worldmind.model.navigation;
