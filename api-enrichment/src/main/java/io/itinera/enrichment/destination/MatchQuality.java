package io.itinera.enrichment.destination;

/** How a typed name matched a known one, best first. */
public enum MatchQuality {
    /** The same name, ignoring accents, case, spaces and punctuation. */
    EXACT,
    /** The typed text starts a known name, as while typing. */
    PREFIX,
    /** The whole name with a small typo: one edit up to 9 letters, two from 10. */
    TYPO,
    /** The start of a known name, with a small typo. */
    TYPO_PREFIX
}
