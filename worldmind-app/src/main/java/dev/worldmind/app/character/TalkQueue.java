package dev.worldmind.app.character;

import dev.worldmind.app.character.TalkRejectedException.Reason;
import dev.worldmind.core.WorldmindException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a {@link CharacterHost}'s messages wait for an answer: a fixed pool of daemon workers with
 * a bounded queue. A message is checked before it is queued and refused at once when it cannot be
 * answered (empty, too long, queue full, host closed), so nobody waits for a reply that will not
 * come; a queued one runs the {@link TalkPipeline}, and whatever happens the listener hears exactly
 * one reply or error and the future completes the same way. Thread-safe.
 */
final class TalkQueue implements AutoCloseable {
    // Under the host's name, as before this class was split from it: log settings name it.
    private static final System.Logger LOG = System.getLogger(CharacterHost.class.getName());

    private final TalkPipeline pipeline;
    private final ThreadPoolExecutor workers;

    /**
     * Starts the workers.
     *
     * @param pipeline what answers a message
     * @param workers how many messages are answered at once
     * @param capacity how many may wait
     */
    TalkQueue(TalkPipeline pipeline, int workers, int capacity) {
        this.pipeline = pipeline;
        AtomicInteger n = new AtomicInteger();
        this.workers =
                new ThreadPoolExecutor(
                        workers,
                        workers,
                        0,
                        TimeUnit.MILLISECONDS,
                        new ArrayBlockingQueue<>(capacity),
                        r -> {
                            Thread t = new Thread(r, "worldmind-character-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        },
                        new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Returns a message's text, stripped, when a character would listen to it.
     *
     * @param request the message
     * @throws TalkRejectedException when it is blank or longer than {@link CharacterHost#MAX_TEXT}
     */
    static String admit(TalkRequest request) {
        String text = request.text().strip();
        if (text.isEmpty()) {
            throw new TalkRejectedException(
                    Reason.EMPTY, "say something first: the message is empty");
        }
        if (text.length() > CharacterHost.MAX_TEXT) {
            throw new TalkRejectedException(
                    Reason.TOO_LONG,
                    "that message is "
                            + text.length()
                            + " characters long; characters listen to at most "
                            + CharacterHost.MAX_TEXT);
        }
        return text;
    }

    /**
     * Queues an admitted message.
     *
     * @param resident the character asked
     * @param request the message
     * @param text its admitted text
     * @param listener hears the reply; its failures are kept from the reply
     * @return completes with the reply or the error the listener hears
     * @throws TalkRejectedException when the queue is full or closed
     */
    CompletableFuture<Reply> submit(
            Resident resident, TalkRequest request, String text, TalkListener listener) {
        CompletableFuture<Reply> result = new CompletableFuture<>();
        TalkListener safe = new GuardedListener(listener);
        if (workers.isShutdown()) {
            throw closed();
        }
        try {
            workers.execute(() -> answer(resident, request, text, safe, result));
        } catch (RejectedExecutionException e) {
            if (workers.isShutdown()) {
                throw closed();
            }
            throw new TalkRejectedException(
                    Reason.BUSY,
                    resident.character().name()
                            + " has too many people to answer right now; try again in a moment");
        }
        return result;
    }

    private static TalkRejectedException closed() {
        return new TalkRejectedException(
                Reason.CLOSED, "the characters have gone home (the host is closed)");
    }

    private void answer(
            Resident resident,
            TalkRequest request,
            String text,
            TalkListener listener,
            CompletableFuture<Reply> result) {
        try {
            listener.onStart();
            Reply reply = pipeline.answer(resident, request, text, listener);
            listener.onReply(reply);
            result.complete(reply);
        } catch (WorldmindException e) {
            fail(listener, result, e);
        } catch (CancellationException e) {
            fail(
                    listener,
                    result,
                    new TalkRejectedException(
                            Reason.CLOSED, "the characters went home before answering"));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a character failed to answer", e);
            fail(
                    listener,
                    result,
                    new WorldmindException(
                            resident.character().name() + " could not answer: " + e.getMessage(),
                            e));
        }
    }

    private static void fail(
            TalkListener listener, CompletableFuture<Reply> result, WorldmindException e) {
        listener.onError(e);
        result.completeExceptionally(e);
    }

    /** Stops taking messages and interrupts the replies in progress, waiting up to 5 s. */
    @Override
    public void close() {
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "character workers did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
