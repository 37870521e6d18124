package io.itinera.harness.chaos;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one scenario cost, as the results table shows it.
 *
 * @param failed FAILED trips by problem type
 * @param stranded accepted trips that had not ended when the run stopped waiting
 * @param lost accepted trips with no snapshot at all on {@code travel-trips.state}
 * @param duplicated trips with more than one completion of a stage, an itinerary changed after READY, or a status
 *     entered twice
 * @param postErrors POSTs not answered {@code 202}, by kind ({@code post:503}, {@code post:io:...})
 * @param acceptedAfterRefusal accepted trips whose POST was refused first ({@code 503}) and asked again after its
 *     {@code Retry-After} with the same key, by the first refusal
 * @param errorsWithTrip POSTs answered with an error (or not at all) whose trip was created anyway
 * @param recoveryMillis per step, fault to every partition of the affected groups processing again; -1 never
 * @param recoveryFromStartMillis per step, the replacement process's start to the same; 0 when the partitions moved
 *     before it started (taken over by another replica)
 * @param laterStallMillis per step, the longest stall that began after the fault's own (a hand-back as the replacement
 *     joins, a transaction a restarted broker lost) and before the next step, from its beginning to its end; -1 never
 *     ended
 * @param replacedMillis per step, fault to the process back and ready
 * @param p99ReadyMillis POST (scheduled) to READY, 99th percentile over the trips that ended READY
 */
record ScenarioResult(
        Scenario scenario,
        int sent,
        int accepted,
        int ready,
        Map<String, Long> failed,
        int stranded,
        int lost,
        int duplicated,
        Map<String, Long> postErrors,
        Map<String, Long> acceptedAfterRefusal,
        int errorsWithTrip,
        List<Long> recoveryMillis,
        List<Long> recoveryFromStartMillis,
        List<Long> laterStallMillis,
        List<Long> replacedMillis,
        double p99ReadyMillis,
        long deadLetters,
        double loadAverage) {

    static final String HEADER =
            "| scenario | sent | accepted | READY | FAILED (reason) | stranded | lost | duplicated "
                    + "| POST errors | accepted after a refusal | error, trip exists | back (s) | recovery (s) | recovery from start (s) "
                    + "| later stall (s) | p99 POST→READY (s) | dead letters | load |\n"
                    + "|---|---:|---:|---:|---|---:|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|";

    String row() {
        return "| "
                + String.join(
                        " | ",
                        scenario.id(),
                        Integer.toString(sent),
                        Integer.toString(accepted),
                        Integer.toString(ready),
                        counts(failed),
                        Integer.toString(stranded),
                        Integer.toString(lost),
                        Integer.toString(duplicated),
                        counts(postErrors),
                        counts(acceptedAfterRefusal),
                        Integer.toString(errorsWithTrip),
                        seconds(replacedMillis),
                        seconds(recoveryMillis),
                        seconds(recoveryFromStartMillis),
                        seconds(laterStallMillis),
                        Double.isNaN(p99ReadyMillis) ? "–" : String.format(Locale.ROOT, "%.1f", p99ReadyMillis / 1000),
                        Long.toString(deadLetters),
                        String.format(Locale.ROOT, "%.1f", loadAverage))
                + " |";
    }

    /**
     * Every accepted trip ended READY (the burst's trips are all valid: no scenario makes failure the right answer),
     * none lost or duplicated, no error answered for a trip that exists, every stall ended.
     */
    boolean clean() {
        return failed.values().stream().allMatch(count -> count == 0)
                && stranded == 0
                && lost == 0
                && duplicated == 0
                && errorsWithTrip == 0
                && accepted
                                + postErrors.values().stream()
                                        .mapToLong(Long::longValue)
                                        .sum()
                        == sent
                && !recoveryMillis.contains(-1L)
                && !laterStallMillis.contains(-1L);
    }

    static String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "0";
        }
        return counts.entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey())
                .collect(Collectors.joining(", "));
    }

    /** Steps' times in seconds, slash-separated (one per step of a rolling restart); "never" for -1. */
    static String seconds(List<Long> millis) {
        if (millis.isEmpty()) {
            return "–";
        }
        return millis.stream()
                .map(value -> value < 0 ? "never" : String.format(Locale.ROOT, "%.1f", value / 1000.0))
                .collect(Collectors.joining(" / "));
    }
}
