package io.itinera.enrichment.hours;

/** Refuses, naming the feature, what the evaluator cannot honour rather than guessing. */
record Refusals(String text) {

    void require(boolean supported, String feature) {
        if (!supported) {
            throw new InvalidOpeningHoursException(
                    "opening hours '%s' use %s, which the evaluator does not support".formatted(text, feature));
        }
    }
}
