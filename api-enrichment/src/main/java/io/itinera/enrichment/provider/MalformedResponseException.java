package io.itinera.enrichment.provider;

/** A provider answered 2xx with a body we cannot read; retrying would only get the same body again. */
final class MalformedResponseException extends RuntimeException {

    MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
