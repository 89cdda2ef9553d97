package dev.worldmind.model.recommend;

import dev.worldmind.core.progress.ProgressMonitor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Training time and NDCG@10 at about 300k interactions (19,000 users, 3,000 items, 16 topics, 20
 * items per user), printed, not asserted: speed belongs in a benchmark. Slow; run with {@code
 * -Dworldmind.excludedGroups=none -Dtest=FactorRecommenderBenchmarkTest}.
 */
@Tag("slow")
class FactorRecommenderBenchmarkTest {
    @Test
    void trainsThreeHundredThousandInteractions() {
        TopicInteractions data = TopicInteractions.generate(19_000, 3_000, 16, 20, 11);
        System.out.println("data: " + data.train);
        run(data, "popularity", new Popularity());
        run(data, "als (defaults, 2 threads)", ImplicitAls.builder().optThreads(2).build());
        run(data, "als 1 thread", ImplicitAls.builder().optThreads(1).build());
        run(
                data,
                "als constant λ=50 α=5",
                ImplicitAls.builder()
                        .optRegularization(ImplicitAls.Regularization.CONSTANT)
                        .optLambda(50)
                        .optAlpha(5)
                        .build());
        run(
                data,
                "als cholesky",
                ImplicitAls.builder().optSolver(ImplicitAls.Solver.CHOLESKY).build());
        run(data, "bpr (defaults, 1 thread)", Bpr.builder().build());
        run(data, "bpr 2 threads (Hogwild)", Bpr.builder().optThreads(2).build());
    }

    private static void run(TopicInteractions data, String label, RecommenderAlgorithm a) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Recommender r = a.fit(data.train, ProgressMonitor.silent());
        long ms = (System.nanoTime() - start) / 1_000_000;
        // the caller's CPU time: all of it with one thread, a machine-load-independent figure
        long cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        RankingReport report = data.evaluate(r, 10, false);
        System.out.printf(
                Locale.ROOT,
                "%-28s %7d ms (caller cpu %7d ms) ndcg@10 %.4f recall@10 %.4f%n",
                label,
                ms,
                cpuMs,
                report.ndcg(),
                report.recall());
    }
}
