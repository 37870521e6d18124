package io.itinera.gateway.trip;

import io.itinera.gateway.problem.Problem.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The rules that span several fields of a trip request, or depend on today's date. */
@Component
class TripRules {

    static final int MAX_DAYS = 21;

    private final Clock clock;
    private final TripsProperties properties;

    TripRules(Clock clock, TripsProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    List<FieldProblem> check(TripRequestBody body) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        LocalDate earliest = today.plus(properties.earliestStart());
        LocalDate latest = today.plus(properties.latestStart());
        if (body.startDate().isBefore(earliest)) {
            problems.add(new FieldProblem("startDate", "must not be in the past"));
        } else if (body.startDate().isAfter(latest)) {
            problems.add(new FieldProblem("startDate", "must not be after " + latest));
        }
        if (body.endDate().isBefore(body.startDate())) {
            problems.add(new FieldProblem("endDate", "must not be before startDate"));
        } else if (body.endDate().toEpochDay() - body.startDate().toEpochDay() + 1 > MAX_DAYS) {
            problems.add(new FieldProblem("endDate", "a trip lasts at most " + MAX_DAYS + " days"));
        }
        return problems;
    }
}
