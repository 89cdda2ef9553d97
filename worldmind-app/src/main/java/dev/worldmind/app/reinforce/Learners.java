package dev.worldmind.app.reinforce;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.model.reinforce.Ddpg;
import dev.worldmind.model.reinforce.Dqn;
import dev.worldmind.model.reinforce.Learner;
import dev.worldmind.model.reinforce.Ppo;
import dev.worldmind.model.reinforce.Reinforce;
import java.util.List;

/** The learners by name, each with the settings measured for the environment it is given. */
public final class Learners {
    /** The known algorithm names. */
    public static final List<String> NAMES = List.of("reinforce", "ppo", "dqn", "ddpg", "td3");

    private Learners() {}

    /**
     * A learner with its measured defaults for an environment.
     *
     * @param name the algorithm, one of {@link #NAMES}
     * @param environment the environment's id
     * @return the learner
     * @throws InvalidDataException for an unknown name
     */
    public static Learner of(String name, String environment) {
        boolean navigation = environment.startsWith("NavGrid-");
        return switch (name) {
            case "reinforce" -> Reinforce.defaults();
            case "ppo" -> navigation ? Ppo.navigation() : Ppo.defaults();
            case "dqn" -> Dqn.defaults();
            case "ddpg" -> Ddpg.defaults();
            case "td3" -> Ddpg.td3();
            default ->
                    throw new InvalidDataException(
                            "unknown algorithm '" + name + "'; known: " + String.join(", ", NAMES));
        };
    }
}
