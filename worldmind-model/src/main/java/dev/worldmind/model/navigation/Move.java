package dev.worldmind.model.navigation;

/**
 * The eight moves between neighbouring cells, numbered clockwise from north (decreasing row), so a
 * policy's action {@code i} is {@code Move.values()[i]}.
 */
public enum Move {
    N(-1, 0),
    NE(-1, 1),
    E(0, 1),
    SE(1, 1),
    S(1, 0),
    SW(1, -1),
    W(0, -1),
    NW(-1, -1);

    /** The row change. */
    public final int dr;

    /** The column change. */
    public final int dc;

    Move(int dr, int dc) {
        this.dr = dr;
        this.dc = dc;
    }

    /** The move's length in cells: 1 straight, √2 diagonal. */
    public double cost() {
        return dr != 0 && dc != 0 ? Math.sqrt(2) : 1;
    }

    /** Whether it is diagonal. */
    public boolean diagonal() {
        return dr != 0 && dc != 0;
    }
}
