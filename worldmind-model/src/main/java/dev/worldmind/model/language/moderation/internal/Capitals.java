package dev.worldmind.model.language.moderation.internal;

/**
 * How many letters a text has and how many of them are capitals: what both the shouting rule and
 * the spam classifier's shape features read.
 *
 * @param letters the letters (any script)
 * @param upper the upper-case ones among them
 */
public record Capitals(int letters, int upper) {
    /**
     * Counts a text's letters and capitals.
     *
     * @param text the text
     * @return the counts
     */
    public static Capitals of(String text) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return new Capitals(letters, upper);
    }

    /** The share of capitals among the letters, 0 without letters. */
    public float share() {
        return letters == 0 ? 0 : (float) upper / letters;
    }
}
