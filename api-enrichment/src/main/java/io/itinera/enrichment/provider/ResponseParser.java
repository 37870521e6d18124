package io.itinera.enrichment.provider;

import tools.jackson.databind.JsonNode;

/** Turns a provider's JSON answer into our model; any exception it throws marks the answer as malformed. */
@FunctionalInterface
public interface ResponseParser<T> {

    T parse(JsonNode body);
}
