package io.itinera.events.serde;

/** Decimal digits written into and read from ISO date and time text, for the hand-written java.time forms. */
final class AsciiDigits {

    private AsciiDigits() {}

    /** Writes {@code value} as {@code count} digits at {@code from}, zero-padded on the left. */
    static void put(char[] text, int from, int value, int count) {
        for (int i = from + count - 1; i >= from; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The decimal number of {@code count} (at most 9) ASCII digits from {@code from}, or -1 if one is not a digit. */
    static int read(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
