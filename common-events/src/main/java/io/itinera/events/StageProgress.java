package io.itinera.events;

/**
 * One step of a stage's work, as reported in its progress events.
 *
 * @param step a stable identifier of the step, e.g. {@code destination-resolved}
 * @param percent how far the stage is, 0 to 100
 * @param message a short human-readable description
 */
public record StageProgress(String step, int percent, String message) {}
