package dev.worldmind.model.navigation;

/**
 * A grid cell.
 *
 * @param row the row, along z
 * @param col the column, along x
 */
public record Cell(int row, int col) {}
