package io.itinera.enrichment.destination;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Destination search for clients that let travellers pick a destination: {@code GET /api/v1/destinations?q=lisbo}
 * and {@code GET /api/v1/destinations/{id}}. Errors are {@code application/problem+json}.
 */
@RestController
@RequestMapping(path = "/api/v1/destinations", produces = MediaType.APPLICATION_JSON_VALUE)
class DestinationController {

    static final int LONGEST_QUERY = 100;

    private final Destinations destinations;
    private final DestinationProperties properties;

    DestinationController(Destinations destinations, DestinationProperties properties) {
        this.destinations = destinations;
        this.properties = properties;
    }

    /** The matches, best first. */
    record Results(String query, int count, List<DestinationView> results) {}

    @GetMapping
    Results search(
            @RequestParam(name = "q", required = false) @Nullable String query,
            @RequestParam(name = "limit", required = false) @Nullable String limit) {
        String typed = query == null ? "" : query.strip();
        if (typed.isEmpty() || Names.key(typed).isEmpty()) {
            throw invalid("q", "must name a place, e.g. q=lisbon");
        }
        if (typed.length() > LONGEST_QUERY) {
            throw invalid("q", "must be at most %d characters".formatted(LONGEST_QUERY));
        }
        List<DestinationView> found = destinations.search(typed, limit(limit)).stream()
                .map(DestinationView::of)
                .toList();
        return new Results(typed, found.size(), found);
    }

    @GetMapping("/{id}")
    DestinationView byId(@PathVariable String id) {
        return destinations
                .byId(id)
                .map(destination -> DestinationView.of(new DestinationMatch(
                        destination, destination.name(), MatchQuality.EXACT, 0, destinations.isCurated(destination))))
                .orElseThrow(() -> problem(
                        HttpStatus.NOT_FOUND,
                        "unknown-destination",
                        "Unknown destination",
                        "No destination has the id '%s'.".formatted(id),
                        null));
    }

    private int limit(@Nullable String limit) {
        if (limit == null || limit.isBlank()) {
            return properties.defaultLimit();
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= properties.maxLimit()) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below like any other bad value
        }
        throw invalid("limit", "must be a whole number from 1 to %d".formatted(properties.maxLimit()));
    }

    private static ErrorResponseException invalid(String field, String message) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Invalid request",
                "%s %s".formatted(field, message),
                List.of(Map.of("field", field, "message", message)));
    }

    private static ErrorResponseException problem(
            HttpStatus status, String type, String title, String detail, @Nullable List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return new ErrorResponseException(status, problem, null);
    }
}
