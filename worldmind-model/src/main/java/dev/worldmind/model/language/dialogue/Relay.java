package dev.worldmind.model.language.dialogue;

import java.util.function.Predicate;

/**
 * Passes an LLM's tokens on to a sink: straight through without a check, or a sentence at a time
 * once the check has passed the whole text up to that sentence. Used by one thread.
 */
final class Relay {
    private final TokenSink sink;
    private final Predicate<String> check;
    private final StringBuilder heard = new StringBuilder();
    private final StringBuilder shown = new StringBuilder();
    private boolean restarted;

    Relay(TokenSink sink, Predicate<String> check) {
        this.sink = sink;
        this.check = check;
    }

    /**
     * Takes the next token.
     *
     * @return false if the check refused the text; nothing more is shown then
     */
    boolean add(String token) {
        heard.append(token);
        if (check == null) {
            show(token);
            return true;
        }
        int end = lastSentenceEnd(heard, shown.length());
        return end < 0 || release(heard.substring(shown.length(), end));
    }

    /**
     * Takes the complete answer, which normally equals what was heard; shows the rest of it.
     *
     * @return false if the check refused the text
     */
    boolean finish(String text) {
        String full = text.strip();
        if (!full.startsWith(shown.toString())) {
            // The server's final text disagrees with its stream: show the final text instead.
            sink.restart();
            restarted = true;
            shown.setLength(0);
        }
        String rest = full.substring(shown.length());
        if (rest.isEmpty()) {
            return true;
        }
        return release(rest);
    }

    private boolean release(String piece) {
        if (check != null && !check.test(shown + piece)) {
            return false;
        }
        show(piece);
        return true;
    }

    private void show(String piece) {
        shown.append(piece);
        sink.token(piece);
    }

    /** Returns everything the LLM sent so far. */
    String heard() {
        return heard.toString();
    }

    /** Returns what the sink was sent since the last restart. */
    String shown() {
        return shown.toString();
    }

    /** Returns whether the sink has been sent text it would have to forget. */
    boolean released() {
        return shown.length() > 0;
    }

    /** Returns whether the sink was told to restart. */
    boolean restarted() {
        return restarted;
    }

    /**
     * Finds the end of the last complete sentence after {@code from}: just past a {@code .}, {@code
     * !}, {@code ?} or {@code …} that is followed by whitespace, or past a newline.
     *
     * @return the end, or -1 if no sentence ended
     */
    static int lastSentenceEnd(CharSequence text, int from) {
        for (int i = text.length() - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if (Character.isWhitespace(c) && i > from) {
                char p = text.charAt(i - 1);
                if (p == '.' || p == '!' || p == '?' || p == '…') {
                    return i + 1;
                }
            }
        }
        return -1;
    }
}
