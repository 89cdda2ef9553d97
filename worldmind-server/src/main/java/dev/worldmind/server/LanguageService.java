package dev.worldmind.server;

import dev.worldmind.app.character.WorldGuide;
import dev.worldmind.app.language.LanguageModels;
import dev.worldmind.app.language.LanguageRuntime;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.data.conversation.ConversationStore;
import dev.worldmind.data.world.WorldStores;
import dev.worldmind.model.language.moderation.Moderator;
import dev.worldmind.server.config.LanguageConfig;
import dev.worldmind.server.event.WorldBus;
import dev.worldmind.server.service.Lifecycle;
import dev.worldmind.server.service.Service;
import dev.worldmind.server.ws.CharacterDesk;
import dev.worldmind.server.ws.Desks;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The characters' language models and the chat's moderation: loads them in the background (until
 * then the characters say they are getting ready and chat is checked by the rule checks alone), and
 * opens them again when a job registers a new sentiment classifier or spam filter; the old runtime
 * is closed a minute later, when replies it was writing are done. Ready once the first load ended.
 */
final class LanguageService implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(LanguageService.class);

    private final LanguageConfig config;
    private final CharacterDesk characters;
    private final ConversationStore conversations;
    private final Clock clock;
    private final WorldGuide guide;
    private final WorldBus bus;
    private final AtomicReference<Moderator> moderator =
            new AtomicReference<>(LanguageRuntime.rulesOnly());
    private final AtomicReference<LanguageRuntime> runtime = new AtomicReference<>();
    private volatile boolean ready;
    private volatile Thread loader;
    private volatile Lifecycle life;

    LanguageService(LanguageConfig config, Desks desks, WorldStores stores, Clock clock) {
        this.config = config;
        this.characters = desks.characters();
        this.conversations = stores.conversations();
        this.clock = clock;
        // The world's places, items and prices as the characters describe them.
        this.guide = WorldGuide.of(stores.world().spaces(), characters.all());
        this.bus = desks.stage().bus();
    }

    /** Checks chat and talk with whatever moderation is loaded at the time of each check. */
    Moderator moderator() {
        return (text, channel) -> moderator.get().check(text, channel);
    }

    @Override
    public String name() {
        return "characters";
    }

    @Override
    public void start(Lifecycle life) {
        this.life = life;
        if (config.enabled()) {
            loader = life.background("characters", this::load);
        } else {
            ready = true;
        }
        bus.onModel(
                e -> life.background("reload-language", this::reload),
                LanguageModels.SPAM_FILTER,
                LanguageModels.SENTIMENT);
    }

    @Override
    public boolean ready() {
        return ready;
    }

    private void load() {
        try {
            LanguageRuntime opened =
                    LanguageRuntime.open(
                            new WorldmindHome(config.home().orElseThrow()),
                            characters.library(),
                            conversations,
                            config.dialogue(),
                            clock,
                            guide,
                            LOG::info);
            if (life.closing()) {
                opened.close();
                return;
            }
            runtime.set(opened);
            moderator.set(opened.moderator());
            characters.ready(opened.host());
        } catch (RuntimeException e) {
            LOG.error(
                    "the characters could not be loaded; they stay silent and chat is checked by"
                            + " the rule checks alone",
                    e);
        } finally {
            ready = true;
        }
    }

    private void reload() {
        if (!config.enabled()) {
            config.home()
                    .map(h -> LanguageRuntime.moderator(new WorldmindHome(h)))
                    .ifPresent(moderator::set);
            return;
        }
        LanguageRuntime before = runtime.get();
        if (before == null) {
            return; // still loading: the first load reads the registry as it is now
        }
        load();
        if (runtime.get() != before) {
            life.later(Duration.ofMinutes(1), "closing the old language models", before::close);
        }
    }

    /**
     * Waits (a minute at most) for the first load: closing the process while it is inside ONNX
     * Runtime crashes the JVM (SIGSEGV in libonnxruntime), and a load that finishes after the
     * lifecycle began closing closes what it opened. Then closes the runtime.
     */
    @Override
    public void close() {
        Thread t = loader;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(60_000);
                if (t.isAlive()) {
                    LOG.warn(
                            "the characters' loader is still running after 60 s; closing without it");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LanguageRuntime r = runtime.getAndSet(null);
        if (r != null) {
            r.close();
        }
    }
}
