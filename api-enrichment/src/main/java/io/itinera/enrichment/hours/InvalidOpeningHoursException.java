package io.itinera.enrichment.hours;

/** An opening-hours text that cannot be parsed, or that uses a feature the evaluator does not support. */
public class InvalidOpeningHoursException extends IllegalArgumentException {

    InvalidOpeningHoursException(String message, Throwable cause) {
        super(message, cause);
    }

    InvalidOpeningHoursException(String message) {
        super(message);
    }
}
