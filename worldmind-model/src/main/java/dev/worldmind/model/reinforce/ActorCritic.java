package dev.worldmind.model.reinforce;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The two networks of the policy-gradient learners: an actor giving logits over discrete actions
 * (small initial head, so the first policy is near uniform) and a critic giving a state's value;
 * with the actor's greedy policy, which the learners evaluate and save.
 *
 * @param actor the policy network
 * @param critic the value network
 * @param policy the arg-max of the actor's logits (closing it leaves the actor open)
 */
record ActorCritic(Network actor, Network critic, Policy policy) implements AutoCloseable {
    static ActorCritic create(
            int observations,
            ActionSpace.Discrete actions,
            List<Integer> hidden,
            String activation,
            double learningRate,
            SplittableRandom random) {
        Network actor =
                Network.create(
                        new NetworkSpec(observations, hidden, actions.n(), activation, "linear"),
                        learningRate,
                        0.01,
                        random.nextLong());
        Network critic =
                Network.create(
                        new NetworkSpec(observations, hidden, 1, activation, "linear"),
                        learningRate,
                        1.0,
                        random.nextLong());
        return new ActorCritic(actor, critic, new NetworkPolicy(actor, actions, false));
    }

    @Override
    public void close() {
        actor.close();
        critic.close();
    }
}
