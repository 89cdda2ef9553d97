package dev.worldmind.data.mail;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns HTML into the text a browser would show, well enough for classifying mail: scripts, styles
 * and comments go, block tags become line breaks, other tags vanish and character references are
 * decoded. Not a full HTML parser; it never fails on malformed markup.
 */
public final class HtmlText {
    private static final Pattern INVISIBLE =
            Pattern.compile(
                    "<!--.*?-->|<(script|style|head)\\b[^>]*>.*?</\\1\\s*>",
                    Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern BLOCK =
            Pattern.compile(
                    "</?(br|p|div|tr|td|th|li|ul|ol|table|h[1-6]|blockquote|hr|title|center)\\b[^>]*>",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>", Pattern.DOTALL);
    private static final Pattern ENTITY =
            Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});?");
    private static final Map<String, String> NAMED =
            Map.ofEntries(
                    Map.entry("nbsp", " "),
                    Map.entry("amp", "&"),
                    Map.entry("lt", "<"),
                    Map.entry("gt", ">"),
                    Map.entry("quot", "\""),
                    Map.entry("apos", "'"),
                    Map.entry("copy", "\u00a9"),
                    Map.entry("reg", "\u00ae"),
                    Map.entry("trade", "\u2122"),
                    Map.entry("euro", "\u20ac"),
                    Map.entry("pound", "\u00a3"),
                    Map.entry("middot", "\u00b7"),
                    Map.entry("bull", "\u2022"),
                    Map.entry("mdash", "\u2014"),
                    Map.entry("ndash", "\u2013"),
                    Map.entry("hellip", "\u2026"),
                    Map.entry("rsquo", "\u2019"),
                    Map.entry("lsquo", "\u2018"),
                    Map.entry("rdquo", "\u201d"),
                    Map.entry("ldquo", "\u201c"));

    private HtmlText() {}

    /**
     * Returns the visible text of an HTML document or fragment.
     *
     * @param html the markup
     * @return the text, with line breaks where blocks were (not yet whitespace-collapsed)
     */
    public static String toText(String html) {
        String s = INVISIBLE.matcher(html).replaceAll(" ");
        s = BLOCK.matcher(s).replaceAll("\n");
        s = TAG.matcher(s).replaceAll("");
        return decodeEntities(s);
    }

    /**
     * Decodes numeric and common named character references; unknown names stay as they are.
     *
     * @param text the text
     * @return the decoded text
     */
    public static String decodeEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String ref = m.group(1);
            String replacement;
            if (ref.charAt(0) == '#') {
                boolean hex = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X');
                int code = Integer.parseInt(ref.substring(hex ? 2 : 1), hex ? 16 : 10);
                replacement =
                        Character.isValidCodePoint(code) && code != 0
                                ? new String(Character.toChars(code))
                                : " ";
            } else {
                replacement = NAMED.getOrDefault(ref.toLowerCase(Locale.ROOT), m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Tells whether a text part is really HTML that was labelled as plain text, as spam often is.
     *
     * @param text the body
     */
    public static boolean looksLikeHtml(String text) {
        String head = text.substring(0, Math.min(2000, text.length())).toLowerCase(Locale.ROOT);
        return head.contains("<html") || head.contains("<body") || head.contains("<!doctype html");
    }
}
