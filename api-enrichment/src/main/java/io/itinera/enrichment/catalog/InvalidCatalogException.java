package io.itinera.enrichment.catalog;

/** The catalog cannot be loaded; the message names the file and the offending entry. */
public class InvalidCatalogException extends IllegalStateException {

    InvalidCatalogException(String message) {
        super(message);
    }

    InvalidCatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
