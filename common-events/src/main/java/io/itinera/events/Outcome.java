package io.itinera.events;

/** How a stage ended. */
public enum Outcome {
    SUCCEEDED,
    FAILED
}
