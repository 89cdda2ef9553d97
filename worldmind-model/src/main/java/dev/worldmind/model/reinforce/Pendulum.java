package dev.worldmind.model.reinforce;

import dev.worldmind.core.InvalidDataException;
import java.util.SplittableRandom;

/**
 * Pendulum-v1 as Gymnasium defines it: swing a pendulum up and keep it upright with a torque in
 * [-2, 2] N·m. Observation: cos θ, sin θ, angular velocity (θ = 0 is upright). Reward {@code
 * -(norm(θ)² + 0.1·θ̇² + 0.001·u²)} with θ normalised to [-π, π), so at best 0 and at worst about
 * -16.27. It never terminates and is truncated after 200 steps. Physics: g 10, m 1, l 1, dt 0.05,
 * semi-implicit Euler, speed clipped to ±8. The initial θ is uniform in [-π, π] and θ̇ in [-1, 1]
 * from a {@link SplittableRandom}: Gymnasium's distributions, not NumPy's numbers. The torque is a
 * float32, rounded as Gymnasium rounds it under NumPy 2, so trajectories agree to the last bit.
 */
public final class Pendulum implements Environment {
    static final double MAX_SPEED = 8;
    static final double MAX_TORQUE = 2;
    static final double DT = 0.05;
    static final double G = 10.0;
    static final double M = 1.0;
    static final double L = 1.0;

    private static final ActionSpace.Box ACTIONS =
            new ActionSpace.Box(new float[] {-2f}, new float[] {2f});

    /** The environment's id. */
    public static final String ID = "Pendulum-v1";

    private final EpisodeClock clock = new EpisodeClock(ID, 200);
    private double theta;
    private double thetaDot;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int observationSize() {
        return 3;
    }

    @Override
    public ActionSpace actionSpace() {
        return ACTIONS;
    }

    @Override
    public int maxEpisodeSteps() {
        return 200;
    }

    @Override
    public float[] reset(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return resetTo(random.nextDouble(-Math.PI, Math.PI), random.nextDouble(-1, 1));
    }

    /**
     * Starts an episode from a given state (for tests against reference trajectories).
     *
     * @param angle θ in radians (0 is upright)
     * @param speed θ̇
     * @return the first observation
     */
    public float[] resetTo(double angle, double speed) {
        theta = angle;
        thetaDot = speed;
        clock.start();
        return observation();
    }

    @Override
    public Step step(float[] action) {
        ACTIONS.check(action);
        clock.beforeStep();
        // Gymnasium keeps the torque as float32, and NumPy 2 multiplies a float32 by a Python
        // constant in float32: the torque's two terms are rounded the same way here, so the
        // trajectories agree to the last bit.
        float u = Math.max((float) -MAX_TORQUE, Math.min((float) MAX_TORQUE, action[0]));
        double norm = normalise(theta);
        double cost = norm * norm + 0.1 * thetaDot * thetaDot + 0.001f * (u * u);
        double newDot =
                thetaDot
                        + (3 * G / (2 * L) * Math.sin(theta) + (float) (3.0 / (M * L * L)) * u)
                                * DT;
        newDot = Math.max(-MAX_SPEED, Math.min(MAX_SPEED, newDot));
        theta = theta + newDot * DT;
        thetaDot = newDot;
        boolean truncated = clock.afterStep(false);
        return new Step(observation(), -cost, false, truncated);
    }

    @Override
    public Step step(int action) {
        throw new InvalidDataException(
                "Pendulum-v1 takes a torque vector like [0.5] in [-2, 2], not a discrete action");
    }

    /** θ wrapped into [-π, π), as Gymnasium's {@code angle_normalize}. */
    static double normalise(double x) {
        double twoPi = 2 * Math.PI;
        return ((x + Math.PI) % twoPi + twoPi) % twoPi - Math.PI;
    }

    private float[] observation() {
        return new float[] {(float) Math.cos(theta), (float) Math.sin(theta), (float) thetaDot};
    }
}
