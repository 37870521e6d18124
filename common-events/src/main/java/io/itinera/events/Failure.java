package io.itinera.events;

/**
 * Why a stage failed, in words a client developer can act on.
 *
 * @param code a stable machine-readable code, e.g. {@code unknown-destination}
 * @param reason a human-readable sentence
 */
public record Failure(String code, String reason) {}
