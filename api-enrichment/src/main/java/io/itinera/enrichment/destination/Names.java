package io.itinera.enrichment.destination;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Place names reduced for comparison, and the edit distance that decides whether a typed name is a small typo. */
final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Names() {}

    /** No accents, case, spaces or punctuation: {@code São Paulo} and {@code sao-paulo} both become {@code saopaulo}. */
    static String key(String name) {
        String decomposed = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        StringBuilder key = new StringBuilder(bare.length());
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            key.append(
                    switch (c) { // letters NFKD leaves whole
                        case 'ß' -> "ss";
                        case 'æ' -> "ae";
                        case 'œ' -> "oe";
                        case 'ø' -> "o";
                        case 'ł' -> "l";
                        case 'đ' -> "d";
                        case 'þ' -> "th";
                        case 'ı' -> "i";
                        default -> String.valueOf(c);
                    });
        }
        return NOT_ALPHANUMERIC.matcher(key).replaceAll("");
    }

    /** How many edits a typed key of this length may carry and still count as a small typo. */
    static int allowedTypos(int length) {
        if (length < 5) {
            return 0;
        }
        return length < 10 ? 1 : 2;
    }

    /**
     * The optimal-string-alignment distance (Damerau-Levenshtein where a swap of neighbours counts once), or
     * {@code limit + 1} as soon as it is certain to exceed {@code limit}.
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMinimum = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, d[i - 2][j - 2] + 1);
                }
                d[i][j] = value;
                rowMinimum = Math.min(rowMinimum, value);
            }
            if (rowMinimum > limit) {
                return limit + 1;
            }
        }
        return Math.min(d[a.length()][b.length()], limit + 1);
    }
}
