package io.itinera.gateway.saga;

import java.util.Locale;

/** Why the saga erased a state: its owner asked ({@code DELETE}), or its retention ended. */
enum Erasure {
    OWNER("erased by its owner"),
    RETENTION("erased: its retention ended");

    private final String logged;

    Erasure(String logged) {
        this.logged = logged;
    }

    /** The metric tag's value, e.g. {@code owner}. */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the log line says after the state's name and id. */
    String logged() {
        return logged;
    }
}
