package dev.worldmind.app.character;

import dev.worldmind.core.WorldmindException;

/** Keeps a failing listener (a client that went away) from breaking a reply. */
final class GuardedListener implements TalkListener {
    private static final System.Logger LOG = System.getLogger(GuardedListener.class.getName());

    private final TalkListener inner;

    GuardedListener(TalkListener inner) {
        this.inner = inner;
    }

    @Override
    public void onStart() {
        guard(inner::onStart);
    }

    @Override
    public void onToken(String text) {
        guard(() -> inner.onToken(text));
    }

    @Override
    public void onRestart() {
        guard(inner::onRestart);
    }

    @Override
    public void onReply(Reply reply) {
        guard(() -> inner.onReply(reply));
    }

    @Override
    public void onError(WorldmindException error) {
        guard(() -> inner.onError(error));
    }

    private static void guard(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "a talk listener failed", e);
        }
    }
}
