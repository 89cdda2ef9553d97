package dev.worldmind.data.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A message's or MIME part's header fields, unfolded, looked up by case-insensitive name. The first
 * occurrence of a field wins.
 *
 * @param fields the field values by lowercase name
 */
public record Headers(Map<String, String> fields) {
    public Headers {
        fields = Map.copyOf(fields);
    }

    /**
     * Parses a header block: lines of {@code Name: value}, where lines starting with white space
     * continue the previous field. Lines that are not fields (e.g. an mbox {@code From } line) are
     * ignored.
     *
     * @param block the header block, without the blank line that ends it
     * @return the headers
     */
    public static Headers parse(String block) {
        List<String> unfolded = new ArrayList<>();
        for (String line : block.split("\r?\n", -1)) {
            if (!line.isEmpty()
                    && (line.charAt(0) == ' ' || line.charAt(0) == '\t')
                    && !unfolded.isEmpty()) {
                int last = unfolded.size() - 1;
                unfolded.set(last, unfolded.get(last) + " " + line.strip());
            } else {
                unfolded.add(line);
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : unfolded) {
            int colon = line.indexOf(':');
            if (colon <= 0 || !line.substring(0, colon).matches("[!-9;-~]+")) {
                continue;
            }
            fields.putIfAbsent(
                    line.substring(0, colon).toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).strip());
        }
        return new Headers(fields);
    }

    /**
     * Returns a field's raw value, or an empty string.
     *
     * @param name the field name, any case
     */
    public String get(String name) {
        return fields.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    /** Returns the MIME type in lowercase, {@code text/plain} when absent. */
    public String mimeType() {
        String value = get("content-type");
        int semi = value.indexOf(';');
        String type = (semi < 0 ? value : value.substring(0, semi)).strip();
        return type.isEmpty() ? "text/plain" : type.toLowerCase(Locale.ROOT);
    }

    /**
     * Returns a parameter of the {@code Content-Type} field, e.g. {@code boundary} or {@code
     * charset}, unquoted, or an empty string.
     *
     * @param name the parameter name, any case
     */
    public String contentTypeParameter(String name) {
        String value = get("content-type");
        for (String part : value.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).strip().equalsIgnoreCase(name)) {
                String v = part.substring(eq + 1).strip();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return "";
    }

    /** Returns the transfer encoding in lowercase, {@code 7bit} when absent. */
    public String transferEncoding() {
        String value = get("content-transfer-encoding").strip().toLowerCase(Locale.ROOT);
        return value.isEmpty() ? "7bit" : value;
    }
}
