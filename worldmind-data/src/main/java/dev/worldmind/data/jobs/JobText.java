package dev.worldmind.data.jobs;

/** Keeps texts within their columns. */
final class JobText {
    private JobText() {}

    static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max - 1) + "…";
    }
}
