package dev.worldmind.model.reinforce;

import dev.worldmind.testing.TestHome;

/**
 * The CartPole acceptance run of an on-policy learner (PPO, REINFORCE): learn, then judge the best
 * checkpoint (chosen on the setup's evaluation episodes) on 100 fresh episodes, and print the
 * figures the docs quote. {@link OffPolicyFigures} is its counterpart for DQN and DDPG.
 */
final class OnPolicyFigures {
    private OnPolicyFigures() {}

    /**
     * Learns CartPole and judges the best checkpoint.
     *
     * @param learner the algorithm
     * @param setup the budget, seed, folder and evaluation
     * @return the judged figures
     */
    static EvaluationReport judgedOnCartPole(Learner learner, LearningSetup setup) {
        TestHome.get();
        LearningResult r = learner.learn(CartPole::new, setup);
        EvaluationReport judged;
        try (Policy p = PolicyArtifact.load(r.policyDir())) {
            judged = PolicyEvaluation.run(CartPole::new, p, 100, 4242 + setup.seed());
        }
        System.out.printf(
                "%s cartpole seed %d: best at %d steps (%s on 10), judged %s; %.1f s, %.0f"
                        + " steps/s%n",
                learner.name(),
                setup.seed(),
                r.bestAt(),
                r.best().summary(),
                judged.summary(),
                r.seconds(),
                r.stepsPerSecond());
        return judged;
    }
}
