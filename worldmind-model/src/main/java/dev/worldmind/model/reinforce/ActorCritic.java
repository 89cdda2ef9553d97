package dev.worldmind.model.reinforce;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The two networks of the policy-gradient learners: an actor giving logits over discrete actions
 * (small initial head, so the first policy is near uniform) and a critic giving a state's value.
 *
 * @param actor the policy network
 * @param critic the value network
 */
record ActorCritic(Network actor, Network critic) implements AutoCloseable {
    static ActorCritic create(
            int observations,
            int actions,
            List<Integer> hidden,
            String activation,
            double learningRate,
            SplittableRandom random) {
        Network actor =
                Network.create(
                        new NetworkSpec(observations, hidden, actions, activation, "linear"),
                        learningRate,
                        0.01,
                        random.nextLong());
        Network critic =
                Network.create(
                        new NetworkSpec(observations, hidden, 1, activation, "linear"),
                        learningRate,
                        1.0,
                        random.nextLong());
        return new ActorCritic(actor, critic);
    }

    @Override
    public void close() {
        actor.close();
        critic.close();
    }
}
