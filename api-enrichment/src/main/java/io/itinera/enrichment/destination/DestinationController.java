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
 * Destination search for clients that let travellers pick a destination: {@code GET /api/v1/destinations?q=lisbo},
 * {@code GET /api/v1/destinations/{id}} and which of them can be planned, {@code GET /api/v1/destinations/coverage}.
 * Errors are {@code application/problem+json}.
 */
@RestController
@RequestMapping(path = "/api/v1/destinations", produces = MediaType.APPLICATION_JSON_VALUE)
class DestinationController {

    static final int LONGEST_QUERY = 100;

    private final Destinations destinations;
    private final DestinationProperties properties;
    private final Coverage coverage;

    DestinationController(Destinations destinations, DestinationProperties properties, Coverage coverage) {
        this.destinations = destinations;
        this.properties = properties;
        this.coverage = coverage;
    }

    /** The matches, best first. */
    record Results(String query, int count, List<DestinationView> results) {}

    /**
     * The destinations a trip can be planned for.
     *
     * @param anyDestination whether a live provider is on, so that every destination can be planned
     * @param offline the destinations with points of interest offline, by name
     */
    record CoverageView(boolean anyDestination, int count, List<Covered> offline) {

        record Covered(String id, String name, String country) {}
    }

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
                .map(this::view)
                .toList();
        return new Results(typed, found.size(), found);
    }

    @GetMapping("/{id}")
    DestinationView byId(@PathVariable String id) {
        return destinations
                .byId(id)
                .map(destination -> view(new DestinationMatch(
                        destination, destination.name(), MatchQuality.EXACT, 0, destinations.isCurated(destination))))
                .orElseThrow(() -> problem(
                        HttpStatus.NOT_FOUND,
                        "unknown-destination",
                        "Unknown destination",
                        "No destination has the id '%s'.".formatted(id),
                        null));
    }

    @GetMapping("/coverage")
    CoverageView coverage() {
        List<CoverageView.Covered> offline = coverage.offline().stream()
                .flatMap(id -> destinations.byId(id).stream())
                .map(destination ->
                        new CoverageView.Covered(destination.id(), destination.name(), destination.country()))
                .toList();
        return new CoverageView(coverage.anyDestination(), offline.size(), offline);
    }

    private DestinationView view(DestinationMatch found) {
        return DestinationView.of(found, coverage.plannable(found.destination()));
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
