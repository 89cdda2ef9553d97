package dev.worldmind.data.mail;

import java.util.Objects;

/**
 * What a person reads in an e-mail: its subject and its body as plain text, whitespace collapsed.
 *
 * @param subject the decoded subject line, empty when there is none
 * @param body the readable text of the body (text parts, HTML turned into text), possibly empty
 */
public record MailText(String subject, String body) {
    public MailText {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    /** Returns the subject and body as one text, the subject first. */
    public String combined() {
        if (subject.isEmpty()) {
            return body;
        }
        return body.isEmpty() ? subject : subject + "\n" + body;
    }

    /** Whether there is nothing to read at all. */
    public boolean isEmpty() {
        return subject.isBlank() && body.isBlank();
    }
}
