package dev.worldmind.data.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads raw e-mail (RFC 822 / MIME) into {@link MailText}: the subject, and the body's readable
 * text. Multipart bodies are walked recursively (in {@code multipart/alternative} the plain-text
 * version is preferred, HTML used when it is the only one), transfer encodings and charsets are
 * decoded, HTML is turned into text, attachments that are not text are skipped, whitespace is
 * collapsed and the result capped in size. It never throws on malformed mail; it reads what it can.
 *
 * <p>Stateless and thread-safe.
 *
 * @param maxChars the most characters of body text kept
 */
public record MailParser(int maxChars) {
    /** The default cap on body text: ample for classification, bounded for memory. */
    public static final int DEFAULT_MAX_CHARS = 20_000;

    private static final int MAX_DEPTH = 8;
    private static final Pattern HEADER_END = Pattern.compile("\r?\n\r?\n");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0\\u200b]+");

    public MailParser {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars is positive: " + maxChars);
        }
    }

    /** Returns a parser with the default size cap. */
    public static MailParser create() {
        return new MailParser(DEFAULT_MAX_CHARS);
    }

    /**
     * Parses one raw message.
     *
     * @param raw the message, headers first
     * @return its subject and text
     */
    public MailText parse(String raw) {
        // Bodies far past the cap only cost time; the text we keep comes from their start.
        String message = raw.length() > maxChars * 20 ? raw.substring(0, maxChars * 20) : raw;
        String[] parts = splitHeaders(message);
        Headers headers = Headers.parse(parts[0]);
        String subject = collapse(Decoding.headerValue(headers.get("subject")));
        StringBuilder body = new StringBuilder();
        readPart(headers, parts[1], body, 0);
        String text = collapse(body.toString());
        if (text.length() > maxChars) {
            text = text.substring(0, maxChars);
        }
        return new MailText(subject, text);
    }

    /** Collapses every run of white space into one space and trims the ends. */
    public static String collapse(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    private static String[] splitHeaders(String message) {
        var m = HEADER_END.matcher(message);
        if (m.find()) {
            return new String[] {message.substring(0, m.start()), message.substring(m.end())};
        }
        return new String[] {message, ""};
    }

    private void readPart(Headers headers, String body, StringBuilder out, int depth) {
        String type = headers.mimeType();
        if (type.startsWith("multipart/") && depth < MAX_DEPTH) {
            String boundary = headers.contentTypeParameter("boundary");
            List<String> parts = boundary.isEmpty() ? List.of() : splitMultipart(body, boundary);
            if (!parts.isEmpty()) {
                readMultipart(type, parts, out, depth);
                return;
            }
            // A multipart message without usable parts: read what is there as text.
            append(out, body);
            return;
        }
        if (type.equals("message/rfc822") && depth < MAX_DEPTH) {
            String[] inner = splitHeaders(decodeBody(headers, body));
            Headers innerHeaders = Headers.parse(inner[0]);
            append(out, Decoding.headerValue(innerHeaders.get("subject")));
            readPart(innerHeaders, inner[1], out, depth + 1);
            return;
        }
        if (!type.startsWith("text/") && !type.equals("message/rfc822")) {
            return; // images, archives, programs: nothing to read
        }
        String text = decodeBody(headers, body);
        if (type.equals("text/html") || HtmlText.looksLikeHtml(text)) {
            text = HtmlText.toText(text);
        }
        append(out, text);
    }

    private void readMultipart(String type, List<String> parts, StringBuilder out, int depth) {
        List<String[]> split = new ArrayList<>();
        for (String part : parts) {
            split.add(splitHeaders(part));
        }
        if (type.equals("multipart/alternative")) {
            // Read one version only: the plain one if there is one, else the last (the richest).
            int chosen = split.size() - 1;
            for (int i = 0; i < split.size(); i++) {
                if (Headers.parse(split.get(i)[0]).mimeType().equals("text/plain")) {
                    chosen = i;
                    break;
                }
            }
            readPart(Headers.parse(split.get(chosen)[0]), split.get(chosen)[1], out, depth + 1);
            return;
        }
        for (String[] part : split) {
            readPart(Headers.parse(part[0]), part[1], out, depth + 1);
        }
    }

    private static List<String> splitMultipart(String body, String boundary) {
        String delimiter = "--" + boundary;
        List<String> parts = new ArrayList<>();
        int start = -1;
        int pos = 0;
        while (pos <= body.length()) {
            int lineEnd = body.indexOf('\n', pos);
            int end = lineEnd < 0 ? body.length() : lineEnd;
            String line = body.substring(pos, end).stripTrailing();
            if (line.startsWith(delimiter)) {
                if (start >= 0) {
                    parts.add(body.substring(start, Math.max(start, pos - 1)));
                }
                if (line.startsWith(delimiter + "--")) {
                    return parts;
                }
                start = end + 1;
            }
            if (lineEnd < 0) {
                break;
            }
            pos = lineEnd + 1;
        }
        if (start >= 0 && start < body.length()) {
            parts.add(body.substring(start)); // the closing delimiter is missing
        }
        return parts;
    }

    private static String decodeBody(Headers headers, String body) {
        String charset = headers.contentTypeParameter("charset");
        return switch (headers.transferEncoding()) {
            case "quoted-printable" -> Decoding.decode(Decoding.quotedPrintable(body), charset);
            case "base64" -> Decoding.decode(Decoding.base64(body), charset);
            default -> body;
        };
    }

    private void append(StringBuilder out, String text) {
        if (out.length() > maxChars || text.isBlank()) {
            return;
        }
        if (out.length() > 0) {
            out.append('\n');
        }
        out.append(text);
    }
}
