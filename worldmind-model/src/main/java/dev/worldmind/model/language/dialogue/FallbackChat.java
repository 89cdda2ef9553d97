package dev.worldmind.model.language.dialogue;

import dev.worldmind.model.language.dialogue.DialogueOutcome.Fallback;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Asks an LLM, bounded in time, and falls back to an embedded answer when it cannot: no provider,
 * no first token within the first-token timeout, no end within the total timeout, a server error,
 * an empty answer, or text the reply check refuses. The embedded answer is computed only then.
 *
 * <p>The LLM's tokens reach the sink as they come, on the caller's thread. With a reply check (e.g.
 * moderation of LLM output), text is released a sentence at a time, and only after the check has
 * passed everything released so far, so a refused reply never reaches the user; without one, tokens
 * pass straight through. When streamed text must be retracted the sink hears {@link
 * TokenSink#restart()}, then the embedded answer as one piece; either way the text sent since the
 * last restart equals {@link DialogueOutcome#text()}.
 *
 * <p>Thread-safe; {@link #converse} blocks its caller (run it on a worker thread), and that thread
 * alone calls the sink.
 */
public final class FallbackChat {
    /** The provider name reported when the embedded responder answered. */
    public static final String EMBEDDED = "embedded";

    private final Optional<ChatProvider> provider;
    private final Duration firstTokenTimeout;
    private final Duration totalTimeout;

    private FallbackChat(
            Optional<ChatProvider> provider, Duration firstTokenTimeout, Duration totalTimeout) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.firstTokenTimeout = firstTokenTimeout;
        this.totalTimeout = totalTimeout;
    }

    /**
     * Creates the wrapper with the settings' timeouts.
     *
     * @param provider the LLM, or empty to always use the embedded answer
     * @param settings the timeouts
     */
    public static FallbackChat create(Optional<ChatProvider> provider, DialogueSettings settings) {
        return new FallbackChat(provider, settings.firstTokenTimeout(), settings.totalTimeout());
    }

    /** Returns the LLM, if one is configured. */
    public Optional<ChatProvider> provider() {
        return provider;
    }

    /**
     * Gets one reply.
     *
     * @param request what to answer
     * @param sink receives the reply as it grows, on this thread
     * @param check decides whether the reply so far may be shown; {@code null} for no check
     * @param fallback computes the embedded answer, called at most once
     * @return the reply and how it came about
     * @throws CancellationException when this thread is interrupted (the LLM stream is cancelled)
     */
    public DialogueOutcome converse(
            DialogueRequest request,
            TokenSink sink,
            Predicate<String> check,
            Supplier<String> fallback) {
        if (provider.isEmpty()) {
            return fallBack(sink, fallback, Fallback.NO_PROVIDER, "no LLM is configured", false);
        }
        ChatProvider llm = provider.get();
        Relay relay = new Relay(sink, check);
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        long start = System.nanoTime();
        long firstDeadline = start + firstTokenTimeout.toNanos();
        long totalDeadline = start + totalTimeout.toNanos();
        ChatStream stream =
                llm.stream(
                        request,
                        new ChatListener() {
                            @Override
                            public void onToken(String token) {
                                events.add(new Event(token, null, null));
                            }

                            @Override
                            public void onComplete(String text) {
                                events.add(new Event(null, text, null));
                            }

                            @Override
                            public void onError(Throwable error) {
                                events.add(new Event(null, null, error));
                            }
                        });
        boolean anyToken = false;
        try {
            while (true) {
                long deadline = anyToken ? totalDeadline : Math.min(firstDeadline, totalDeadline);
                long wait = deadline - System.nanoTime();
                Event e = wait > 0 ? events.poll(wait, TimeUnit.NANOSECONDS) : events.poll();
                if (e == null) {
                    stream.cancel();
                    return anyToken || deadline == totalDeadline
                            ? fallBack(
                                    sink,
                                    fallback,
                                    Fallback.TOTAL_TIMEOUT,
                                    llm.name() + " did not finish within " + totalTimeout,
                                    relay.released())
                            : fallBack(
                                    sink,
                                    fallback,
                                    Fallback.FIRST_TOKEN_TIMEOUT,
                                    llm.name() + " sent nothing within " + firstTokenTimeout,
                                    relay.released());
                }
                if (e.error() != null) {
                    return fallBack(
                            sink,
                            fallback,
                            Fallback.ERROR,
                            llm.name() + " failed: " + describe(e.error()),
                            relay.released());
                }
                if (e.token() != null) {
                    anyToken = true;
                    if (!relay.add(e.token())) {
                        stream.cancel();
                        return withheld(sink, fallback, llm, relay);
                    }
                    continue;
                }
                String text = e.complete().isBlank() ? relay.heard() : e.complete();
                if (text.isBlank()) {
                    return fallBack(
                            sink,
                            fallback,
                            Fallback.EMPTY,
                            llm.name() + " answered with nothing",
                            relay.released());
                }
                if (!relay.finish(text)) {
                    return withheld(sink, fallback, llm, relay);
                }
                return new DialogueOutcome(
                        relay.shown(), llm.name(), Fallback.NONE, "", relay.restarted());
            }
        } catch (InterruptedException e) {
            stream.cancel();
            Thread.currentThread().interrupt();
            throw new CancellationException("the conversation was interrupted");
        }
    }

    private static DialogueOutcome withheld(
            TokenSink sink, Supplier<String> fallback, ChatProvider llm, Relay relay) {
        return fallBack(
                sink,
                fallback,
                Fallback.WITHHELD,
                "the reply of " + llm.name() + " was withheld",
                relay.released());
    }

    private static DialogueOutcome fallBack(
            TokenSink sink,
            Supplier<String> fallback,
            Fallback reason,
            String detail,
            boolean retract) {
        if (retract) {
            sink.restart();
        }
        String answer = fallback.get();
        sink.token(answer);
        return new DialogueOutcome(answer, EMBEDDED, reason, detail, retract);
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }

    private record Event(String token, String complete, Throwable error) {}
}
