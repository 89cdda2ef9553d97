package dev.worldmind.app.language;

import dev.worldmind.app.job.JobContext;
import dev.worldmind.app.job.JobKind;
import dev.worldmind.app.job.JobPlan;
import dev.worldmind.app.job.JobSettings;
import dev.worldmind.app.job.ServedVersions;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.model.language.MiniLmEmbedder;
import dev.worldmind.model.registry.ModelManifest;
import java.util.Optional;
import java.util.Set;

/**
 * Job kind {@code language}: trains one of the world's language models, {@code spam-filter} (chat
 * moderation, SpamAssassin) or {@code sentiment} (the characters' reading of moods, UCI sentences),
 * and registers it with its held-out scores. Settings: {@code model} (required), {@code ifMissing}.
 */
public final class LanguageJob implements JobKind {
    /** What the chat's spam filtering waits for. */
    public static final String SPAM = "spam filtering of the chat";

    /** What the characters' sentiment classifier is for. */
    public static final String MOODS = "the characters' reading of visitors' moods";

    @Override
    public String id() {
        return "language";
    }

    @Override
    public String describe() {
        return "train a language model: model (spam-filter, sentiment), ifMissing";
    }

    @Override
    public JobPlan plan(JobSettings s, WorldmindHome home) {
        s.allowOnly(id(), Set.of("model", "ifMissing"));
        String model = s.require("model");
        return switch (model) {
            case LanguageModels.SPAM_FILTER ->
                    new JobPlan(
                            s, "spam-filter: TF-IDF logistic regression on SpamAssassin", SPAM, 10);
            case LanguageModels.SENTIMENT ->
                    new JobPlan(
                            s,
                            "sentiment: MiniLM + lexicon features on the UCI sentences",
                            MOODS,
                            20);
            default ->
                    throw new InvalidDataException(
                            "unknown language model '"
                                    + model
                                    + "'; known: spam-filter, sentiment");
        };
    }

    @Override
    public Optional<String> satisfied(JobSettings s, WorldmindHome home) {
        return s.flag("ifMissing", false)
                ? JobSettings.registered(home, s.require("model"))
                : Optional.empty();
    }

    @Override
    public String run(JobContext ctx) {
        String model = ctx.settings().require("model");
        Optional<String> done = satisfied(ctx.settings(), ctx.home());
        if (done.isPresent()) {
            ctx.info(done.get() + " is already registered");
            return done.get();
        }
        ServedVersions.keep(
                new dev.worldmind.model.registry.ModelRegistry(ctx.home().models()), model, ctx);
        ctx.progress(0, "training " + model);
        ctx.checkpoint();
        ModelManifest m;
        if (model.equals(LanguageModels.SPAM_FILTER)) {
            m = LanguageModels.trainSpamFilter(ctx.home(), ctx);
        } else {
            try (MiniLmEmbedder embedder = MiniLmEmbedder.create()) {
                m = LanguageModels.trainSentiment(ctx.home(), embedder, ctx);
            }
        }
        m.metrics().forEach((k, v) -> ctx.point(k, 1, v));
        return m.ref();
    }
}
