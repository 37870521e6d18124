package io.itinera.enrichment.hours;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.enrichment.calendar.Daylight;
import io.itinera.enrichment.calendar.DaylightCalculator;
import io.itinera.events.trip.GeoPoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares the evaluator with the reference implementation of the grammar (opening_hours.js) on the checked-in answers
 * of {@code src/test/opening-hours/make-reference.sh}: several hundred values from opening_hours.js's own test suites,
 * each at the same 200+ local times in Berlin, with that place's public holidays and the day's sun times from
 * commons-suncalc. A value agrees when every sample gives the same open / not open answer.
 */
class OpeningHoursCrossCheckTests {

    private static final String REFERENCE = "/hours/opening-hours-reference.tsv";
    private static final String REFUSED = "/hours/opening-hours-refused.tsv";

    private static final Map<String, String> answers = new LinkedHashMap<>();
    private static final Map<String, String> header = new HashMap<>();
    private static List<LocalDateTime> samples = List.of();
    private static HoursContext berlin = HoursContext.of(Set.of());

    @BeforeAll
    static void readReference() throws IOException {
        for (String line : lines(REFERENCE)) {
            if (line.startsWith("# ")) {
                String[] parts = line.substring(2).split("\t", 2);
                header.put(parts[0], parts.length > 1 ? parts[1] : "");
            } else if (!line.isEmpty()) {
                int tab = line.lastIndexOf('\t');
                answers.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        samples = Arrays.stream(header.get("samples").split(","))
                .map(LocalDateTime::parse)
                .toList();
        Set<LocalDate> holidays = Arrays.stream(header.get("holidays").split(","))
                .map(LocalDate::parse)
                .collect(Collectors.toSet());
        String[] place = header.get("place").split("\t");
        GeoPoint point = new GeoPoint(Double.parseDouble(place[0]), Double.parseDouble(place[1]));
        ZoneId zone = ZoneId.of(place[2]);
        DaylightCalculator daylight = new DaylightCalculator();
        Map<LocalDate, SunTimes> sun = new HashMap<>();
        berlin = HoursContext.of(
                holidays, date -> sun.computeIfAbsent(date, day -> sunTimes(daylight.on(day, point, zone))));
    }

    @Test
    void agreesWithTheReferenceEvaluatorOnAtLeast99PercentOfTheCorpus() throws IOException {
        // given
        Map<String, String> refused = refusedValues();
        List<String> disagreements = new ArrayList<>();
        int compared = 0;

        // when
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            OpeningHours hours;
            try {
                hours = OpeningHours.parse(answer.getKey());
            } catch (InvalidOpeningHoursException e) {
                continue;
            }
            compared++;
            String disagreement = firstDisagreement(hours, answer.getValue());
            if (disagreement != null) {
                disagreements.add(answer.getKey() + " -> " + disagreement);
            }
        }

        // then
        assertThat(answers).hasSizeGreaterThanOrEqualTo(500);
        assertThat(compared + refused.size()).isEqualTo(answers.size());
        assertThat(compared - disagreements.size())
                .as(
                        "values agreeing at every sample, of %d compared; disagreements:%n%s",
                        compared, String.join("\n", disagreements))
                .isGreaterThanOrEqualTo((int) Math.ceil(compared * 0.99));
    }

    @Test
    void refusesExactlyTheListedValuesAndSaysWhy() throws IOException {
        // given
        Map<String, String> listed = refusedValues();
        Map<String, String> refused = new LinkedHashMap<>();

        // when
        for (String value : answers.keySet()) {
            try {
                OpeningHours.parse(value);
            } catch (InvalidOpeningHoursException e) {
                refused.put(value, e.getMessage().replaceAll("\\s+", " "));
            }
        }

        // then
        assertThat(refused.keySet()).containsExactlyInAnyOrderElementsOf(listed.keySet());
        refused.forEach((value, message) -> assertThat(message).as(value).isEqualTo(listed.get(value)));
    }

    private static @Nullable String firstDisagreement(OpeningHours hours, String expected) {
        for (int i = 0; i < samples.size(); i++) {
            boolean referenceOpen = expected.charAt(i) == 'o';
            boolean open = hours.stateAt(samples.get(i), berlin) == HoursState.OPEN;
            if (open != referenceOpen) {
                return "%s: reference %s, evaluator %s"
                        .formatted(samples.get(i), expected.charAt(i), open ? "o" : "c/u");
            }
        }
        return null;
    }

    /** The checked-in list of refused values: value, a tab, and the evaluator's message (whitespace collapsed). */
    private static Map<String, String> refusedValues() throws IOException {
        Map<String, String> refused = new LinkedHashMap<>();
        for (String line : lines(REFUSED)) {
            if (!line.isEmpty() && !line.startsWith("# ")) {
                int tab = line.lastIndexOf('\t');
                refused.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return refused;
    }

    private static SunTimes sunTimes(Daylight light) {
        return SunTimes.of(light.civilDawn(), light.sunrise(), light.sunset(), light.civilDusk());
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = OpeningHoursCrossCheckTests.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
