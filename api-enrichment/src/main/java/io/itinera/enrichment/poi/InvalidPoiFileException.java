package io.itinera.enrichment.poi;

/** An operator's points-of-interest file cannot be used; the message names the file and the line. */
public class InvalidPoiFileException extends IllegalStateException {

    InvalidPoiFileException(String message) {
        super(message);
    }

    InvalidPoiFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
