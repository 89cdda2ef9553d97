package dev.worldmind.model.reinforce;

import dev.worldmind.core.InvalidDataException;
import java.util.SplittableRandom;

/**
 * CartPole-v1 as Gymnasium defines it (Barto, Sutton & Anderson's cart-pole): a pole hinged on a
 * cart; push the cart left (0) or right (1) with 10 N to keep the pole up. Observation: cart
 * position, cart velocity, pole angle, pole angular velocity. Reward 1 for every step, the last one
 * included. The episode terminates when the pole leans more than 12 degrees or the cart leaves
 * [-2.4, 2.4]; it is truncated after 500 steps. Physics: explicit Euler, 0.02 s steps, gravity 9.8,
 * cart 1.0 kg, pole 0.1 kg, half-length 0.5 m, in double precision like Gymnasium's. The initial
 * state is uniform in [-0.05, 0.05]^4 from a {@link SplittableRandom}: the same distribution as
 * Gymnasium's, not the same numbers as NumPy's generator for a seed.
 */
public final class CartPole implements Environment {
    static final double GRAVITY = 9.8;
    static final double MASS_CART = 1.0;
    static final double MASS_POLE = 0.1;
    static final double TOTAL_MASS = MASS_CART + MASS_POLE;
    static final double LENGTH = 0.5;
    static final double POLE_MASS_LENGTH = MASS_POLE * LENGTH;
    static final double FORCE = 10.0;
    static final double TAU = 0.02;
    static final double THETA_LIMIT = 12 * 2 * Math.PI / 360;
    static final double X_LIMIT = 2.4;

    private static final ActionSpace.Discrete ACTIONS = new ActionSpace.Discrete(2);

    /** The environment's id. */
    public static final String ID = "CartPole-v1";

    private final EpisodeClock clock = new EpisodeClock(ID, 500);
    private final double[] state = new double[4];

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int observationSize() {
        return 4;
    }

    @Override
    public ActionSpace actionSpace() {
        return ACTIONS;
    }

    @Override
    public int maxEpisodeSteps() {
        return 500;
    }

    @Override
    public float[] reset(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 4; i++) {
            state[i] = random.nextDouble(-0.05, 0.05);
        }
        clock.start();
        return observation();
    }

    /**
     * Starts an episode from a given state (for tests against reference trajectories).
     *
     * @param x cart position
     * @param xDot cart velocity
     * @param theta pole angle (radians)
     * @param thetaDot pole angular velocity
     * @return the first observation
     */
    public float[] resetTo(double x, double xDot, double theta, double thetaDot) {
        state[0] = x;
        state[1] = xDot;
        state[2] = theta;
        state[3] = thetaDot;
        clock.start();
        return observation();
    }

    @Override
    public Step step(int action) {
        ACTIONS.check(action);
        clock.beforeStep();
        double x = state[0];
        double xDot = state[1];
        double theta = state[2];
        double thetaDot = state[3];
        double force = action == 1 ? FORCE : -FORCE;
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double temp = (force + POLE_MASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
        double thetaAcc =
                (GRAVITY * sin - cos * temp)
                        / (LENGTH * (4.0 / 3.0 - MASS_POLE * cos * cos / TOTAL_MASS));
        double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cos / TOTAL_MASS;
        state[0] = x + TAU * xDot;
        state[1] = xDot + TAU * xAcc;
        state[2] = theta + TAU * thetaDot;
        state[3] = thetaDot + TAU * thetaAcc;
        boolean terminated =
                state[0] < -X_LIMIT
                        || state[0] > X_LIMIT
                        || state[2] < -THETA_LIMIT
                        || state[2] > THETA_LIMIT;
        boolean truncated = clock.afterStep(terminated);
        return new Step(observation(), 1.0, terminated, truncated);
    }

    @Override
    public Step step(float[] action) {
        throw new InvalidDataException(
                "CartPole-v1 takes a discrete action (0 push left, 1 push right), not a vector");
    }

    private float[] observation() {
        return new float[] {(float) state[0], (float) state[1], (float) state[2], (float) state[3]};
    }
}
