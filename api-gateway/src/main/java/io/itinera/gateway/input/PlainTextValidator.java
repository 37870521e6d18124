package io.itinera.gateway.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link PlainText}: a single pass over the characters, no regular expression. */
public final class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

    @Override
    public boolean isValid(@Nullable CharSequence text, ConstraintValidatorContext context) {
        return text == null || isPlain(text);
    }

    public static boolean isPlain(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || isBidiControl(c)) {
                return false;
            }
        }
        return true;
    }

    /** LRE, RLE, PDF, LRO, RLO (U+202A to U+202E) and LRI, RLI, FSI, PDI (U+2066 to U+2069). */
    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
