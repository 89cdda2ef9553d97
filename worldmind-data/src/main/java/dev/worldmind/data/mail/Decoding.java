package dev.worldmind.data.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MIME content transfer encodings and RFC 2047 encoded words, decoded leniently: real mail is
 * often malformed, so stray characters are skipped rather than rejected.
 */
public final class Decoding {
    /** Used when a part names no charset, or one this JVM does not know. */
    public static final Charset FALLBACK = Charset.forName("windows-1252");

    private static final Pattern ENCODED_WORD =
            Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");

    private Decoding() {}

    /**
     * Decodes quoted-printable text: {@code =XX} escapes and soft line breaks ({@code =} at a line
     * end). Malformed escapes are kept as they are.
     *
     * @param text the encoded text
     * @return the bytes
     */
    public static byte[] quotedPrintable(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '=') {
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    i += 1;
                    continue;
                }
                if (i + 2 < n && text.charAt(i + 1) == '\r' && text.charAt(i + 2) == '\n') {
                    i += 2;
                    continue;
                }
                if (i + 2 < n) {
                    int hi = Character.digit(text.charAt(i + 1), 16);
                    int lo = Character.digit(text.charAt(i + 2), 16);
                    if (hi >= 0 && lo >= 0) {
                        out.write(hi * 16 + lo);
                        i += 2;
                        continue;
                    }
                }
                out.write('=');
            } else {
                writeChar(out, c);
            }
        }
        return out.toByteArray();
    }

    /**
     * Decodes base64, skipping line breaks and any other characters outside the alphabet, and
     * ignoring a truncated last group.
     *
     * @param text the encoded text
     * @return the bytes
     */
    public static byte[] base64(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '+'
                    || c == '/') {
                clean.append(c);
            } else if (c == '=') {
                break;
            }
        }
        if (clean.length() % 4 == 1) {
            // A lone sixth of a byte cannot be decoded: the message was cut off.
            clean.setLength(clean.length() - 1);
        }
        while (clean.length() % 4 != 0) {
            clean.append('=');
        }
        return Base64.getDecoder().decode(clean.toString());
    }

    /**
     * Turns bytes into text in a named charset, or {@link #FALLBACK} when the name is empty, plain
     * ASCII (which real mail often mislabels) or unknown.
     *
     * @param bytes the bytes
     * @param charsetName the charset's name from the headers
     * @return the text
     */
    public static String decode(byte[] bytes, String charsetName) {
        return new String(bytes, charset(charsetName));
    }

    /**
     * Returns a charset by name, or {@link #FALLBACK}.
     *
     * @param name the name, possibly empty or unknown
     */
    public static Charset charset(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.isEmpty() || n.equals("us-ascii") || n.equals("ascii")) {
            return FALLBACK;
        }
        try {
            return Charset.forName(n);
        } catch (IllegalArgumentException e) {
            return FALLBACK;
        }
    }

    /**
     * Decodes RFC 2047 encoded words in a header value, e.g. {@code =?UTF-8?B?SGk=?=}. White space
     * between two encoded words is dropped, as the RFC says.
     *
     * @param value the raw header value
     * @return the readable value
     */
    public static String headerValue(String value) {
        if (!value.contains("=?")) {
            return value;
        }
        String joined = BETWEEN_WORDS.matcher(value).replaceAll("$1$2");
        Matcher m = ENCODED_WORD.matcher(joined);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String payload = m.group(3);
            byte[] bytes =
                    m.group(2).equalsIgnoreCase("b")
                            ? base64(payload)
                            : quotedPrintable(payload.replace('_', ' '));
            m.appendReplacement(out, Matcher.quoteReplacement(decode(bytes, m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void writeChar(ByteArrayOutputStream out, char c) {
        if (c < 0x80) {
            out.write(c);
        } else {
            byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            out.write(b, 0, b.length);
        }
    }
}
