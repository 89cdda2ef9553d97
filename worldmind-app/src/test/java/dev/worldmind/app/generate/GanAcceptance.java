package dev.worldmind.app.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.core.WorldmindHome;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.model.generate.GanConfig;
import dev.worldmind.model.generate.GanEpoch;
import dev.worldmind.model.generate.GanListener;
import dev.worldmind.testing.TestHome;
import java.nio.file.Path;

/** The long GAN runs the acceptance ITs share: a full recipe, FID must fall and end far lower. */
final class GanAcceptance {
    private GanAcceptance() {}

    /** The home: {@code -Dworldmind.gan.home} (kept, for the figures) or a fresh one. */
    static WorldmindHome home(Path tmp) {
        TestHome.get();
        String kept = System.getProperty("worldmind.gan.home");
        return kept == null || kept.isBlank()
                ? TestHome.isolated(tmp)
                : new WorldmindHome(Path.of(kept)).create();
    }

    static GanReport run(WorldmindHome home, String dataset) {
        Judges.ensure(
                home,
                dataset,
                Integer.getInteger("worldmind.gan.judgeEpochs", 2),
                Integer.getInteger("worldmind.gan.judgeLimit", 0));
        GanRecipe recipe = GanRecipe.standard(dataset);
        GanConfig config =
                GanConfig.builder()
                        .optEpochs(Integer.getInteger("worldmind.gan.epochs", 3))
                        .optWidth(recipe.config().width())
                        .optSeed(recipe.config().seed())
                        .optLimitImages(Integer.getInteger("worldmind.gan.limit", 0))
                        .optConditional(!Boolean.getBoolean("worldmind.gan.unconditional"))
                        .build();
        GanReport report =
                Gans.train(
                        home,
                        recipe.withConfig(config),
                        new GanListener() {
                            @Override
                            public void onEpoch(GanEpoch e) {
                                System.out.println(dataset + " " + e);
                            }
                        },
                        m -> System.out.println(dataset + ": " + m),
                        !Boolean.getBoolean("worldmind.gan.noRegister"));
        System.out.println(dataset + " metrics " + report.metrics());
        System.out.println(dataset + " run " + report.runDir());
        double previous = report.history().initialScore();
        for (GanEpoch e : report.history().epochs()) {
            assertThat(e.score()).as("FID after epoch " + e.epoch()).isLessThan(previous);
            previous = e.score();
        }
        assertThat(report.history().finalScore()).isLessThan(report.history().initialScore() / 5);
        assertThat(report.runDir().resolve("samples.png")).isRegularFile();
        assertThat(report.manifest() != null)
                .isEqualTo(!Boolean.getBoolean("worldmind.gan.noRegister"));
        return report;
    }

    static ProgressMonitor silent() {
        return ProgressMonitor.silent();
    }
}
