package io.itinera.gateway.trip;

import io.itinera.gateway.problem.Problem.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The rules that span several fields of a trip request. */
@Component
class TripRules {

    static final int MAX_DAYS = 21;

    private final Clock clock;

    TripRules(Clock clock) {
        this.clock = clock;
    }

    List<FieldProblem> check(TripRequestBody body) {
        List<FieldProblem> problems = new ArrayList<>();
        // The earliest date anywhere on Earth is UTC-12, so "today" there is still acceptable.
        LocalDate earliest = LocalDate.now(clock.withZone(ZoneOffset.ofHours(-12)));
        if (body.startDate().isBefore(earliest)) {
            problems.add(new FieldProblem("startDate", "must not be in the past"));
        }
        if (body.endDate().isBefore(body.startDate())) {
            problems.add(new FieldProblem("endDate", "must not be before startDate"));
        } else if (body.endDate().toEpochDay() - body.startDate().toEpochDay() + 1 > MAX_DAYS) {
            problems.add(new FieldProblem("endDate", "a trip lasts at most " + MAX_DAYS + " days"));
        }
        return problems;
    }
}
