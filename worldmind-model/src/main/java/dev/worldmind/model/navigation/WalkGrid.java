package dev.worldmind.model.navigation;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.world.Layout;
import dev.worldmind.data.world.Point;
import java.util.ArrayList;
import java.util.List;

/**
 * A space's floor as square cells, each walkable when its centre is ({@link Layout#walkableGrid}).
 * A move is allowed between walkable neighbours; a diagonal one also needs both cells it passes
 * beside to be walkable, so a path never cuts a corner. Immutable.
 */
public final class WalkGrid {
    private final boolean[][] walkable;
    private final double cellSize;
    private final int rows;
    private final int cols;
    private final List<Cell> free;

    private WalkGrid(boolean[][] walkable, double cellSize) {
        this.walkable = walkable;
        this.cellSize = cellSize;
        this.rows = walkable.length;
        this.cols = walkable[0].length;
        List<Cell> cells = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (walkable[r][c]) {
                    cells.add(new Cell(r, c));
                }
            }
        }
        this.free = List.copyOf(cells);
    }

    /**
     * Samples a layout.
     *
     * @param layout the space's floor plan
     * @param cellSize the cells' side, in metres
     * @return the grid
     */
    public static WalkGrid of(Layout layout, double cellSize) {
        return new WalkGrid(layout.walkableGrid(cellSize), cellSize);
    }

    /**
     * Builds a grid from rows of text, {@code #} blocked and anything else walkable (for tests and
     * hand-made maps).
     *
     * @param cellSize the cells' side, in metres
     * @param lines the rows, all the same length
     * @return the grid
     */
    public static WalkGrid parse(double cellSize, String... lines) {
        if (lines.length == 0 || lines[0].isEmpty()) {
            throw new InvalidDataException("a grid needs at least one row and column");
        }
        boolean[][] w = new boolean[lines.length][lines[0].length()];
        for (int r = 0; r < lines.length; r++) {
            if (lines[r].length() != w[0].length) {
                throw new InvalidDataException("grid row " + r + " has another length");
            }
            for (int c = 0; c < w[0].length; c++) {
                w[r][c] = lines[r].charAt(c) != '#';
            }
        }
        return new WalkGrid(w, cellSize);
    }

    /**
     * The same floor with more cells blocked (e.g. where people stand).
     *
     * @param blocked the cells to block; ones outside the grid are ignored
     * @return a new grid
     */
    public WalkGrid blocking(java.util.Collection<Cell> blocked) {
        if (blocked.isEmpty()) {
            return this;
        }
        boolean[][] w = new boolean[rows][];
        for (int r = 0; r < rows; r++) {
            w[r] = walkable[r].clone();
        }
        for (Cell c : blocked) {
            if (c.row() >= 0 && c.row() < rows && c.col() >= 0 && c.col() < cols) {
                w[c.row()][c.col()] = false;
            }
        }
        return new WalkGrid(w, cellSize);
    }

    /** Rows, along z. */
    public int rows() {
        return rows;
    }

    /** Columns, along x. */
    public int cols() {
        return cols;
    }

    /** The cells' side, in metres. */
    public double cellSize() {
        return cellSize;
    }

    /** Every walkable cell, row by row. */
    public List<Cell> freeCells() {
        return free;
    }

    /** Whether a cell is inside the grid and walkable. */
    public boolean walkable(int row, int col) {
        return row >= 0 && row < rows && col >= 0 && col < cols && walkable[row][col];
    }

    /** Whether a cell is inside the grid and walkable. */
    public boolean walkable(Cell c) {
        return walkable(c.row(), c.col());
    }

    /**
     * Whether a move from a walkable cell is allowed: the target is walkable and, for a diagonal,
     * so are both cells beside it.
     */
    public boolean allowed(Cell from, Move m) {
        int r = from.row() + m.dr;
        int c = from.col() + m.dc;
        if (!walkable(r, c)) {
            return false;
        }
        return !m.diagonal()
                || (walkable(from.row() + m.dr, from.col()) && walkable(from.row(), c));
    }

    /**
     * Where a move leads, as the searches number cells ({@code row * cols + col}).
     *
     * @param from the cell
     * @param m the move
     * @return the index of the cell one move away, or -1 where the move is not allowed
     */
    int step(Cell from, Move m) {
        return allowed(from, m) ? (from.row() + m.dr) * cols + from.col() + m.dc : -1;
    }

    /** The cell a move leads to (without checking it). */
    public static Cell next(Cell from, Move m) {
        return new Cell(from.row() + m.dr, from.col() + m.dc);
    }

    /** The cell containing a floor point (clamped to the grid). */
    public Cell cellAt(double x, double z) {
        int c = Math.min(cols - 1, Math.max(0, (int) Math.floor(x / cellSize)));
        int r = Math.min(rows - 1, Math.max(0, (int) Math.floor(z / cellSize)));
        return new Cell(r, c);
    }

    /** A cell's centre on the floor. */
    public Point centre(Cell c) {
        return new Point((c.col() + 0.5) * cellSize, (c.row() + 0.5) * cellSize);
    }

    /**
     * The walkable cell nearest a floor point (by centre distance), e.g. for an exhibit that stands
     * inside an obstacle's margin.
     *
     * @throws InvalidDataException if no cell is walkable
     */
    public Cell nearestWalkable(double x, double z) {
        Cell best = null;
        double bestD = Double.MAX_VALUE;
        for (Cell c : free) {
            Point p = centre(c);
            double d = (p.x() - x) * (p.x() - x) + (p.z() - z) * (p.z() - z);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        if (best == null) {
            throw new InvalidDataException("no cell of the grid is walkable");
        }
        return best;
    }
}
