package io.itinera.enrichment.hours;

import ch.poole.openinghoursparser.OpeningHoursParseException;
import ch.poole.openinghoursparser.OpeningHoursParser;
import ch.poole.openinghoursparser.Rule;
import ch.poole.openinghoursparser.TokenMgrError;
import io.itinera.events.enrichment.TimeWindow;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Opening hours in a subset of OpenStreetMap {@code opening_hours} syntax, parsed once by OpeningHoursParser and
 * evaluated here: for each date the last plain rule that selects it wins ({@code ;}), additional rules add to it
 * ({@code ,}), {@code PH} selects the given public holidays, and time past midnight runs into the next day.
 */
public final class OpeningHours {

    private final String text;
    private final List<HoursRule> rules;

    private OpeningHours(String text, List<HoursRule> rules) {
        this.text = text;
        this.rules = rules;
    }

    /** @throws InvalidOpeningHoursException when the text cannot be parsed or uses an unsupported feature */
    public static OpeningHours parse(String text) {
        if (text.isBlank()) {
            throw new InvalidOpeningHoursException("opening hours are empty");
        }
        List<Rule> parsed;
        try {
            parsed = new OpeningHoursParser(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                    .rules(false);
        } catch (OpeningHoursParseException | TokenMgrError e) {
            throw new InvalidOpeningHoursException(
                    "cannot parse opening hours '%s': %s".formatted(text, e.getMessage()), e);
        }
        RuleTranslator translator = new RuleTranslator(text);
        return new OpeningHours(text, parsed.stream().map(translator::translate).toList());
    }

    /** The source text, e.g. {@code Tu-Su 10:00-18:00; PH off}. */
    public String text() {
        return text;
    }

    /**
     * The local windows during which the place is open on a date, in order and not overlapping; empty when it is closed.
     *
     * @param publicHolidays the public holidays at the place, which {@code PH} rules select
     */
    public List<TimeWindow> windowsOn(LocalDate date, Set<LocalDate> publicHolidays) {
        List<MinuteSpan> spans = new ArrayList<>();
        spansOf(date, publicHolidays).forEach(span -> span.sameDay().ifPresent(spans::add));
        spansOf(date.minusDays(1), publicHolidays)
                .forEach(span -> span.nextDay().ifPresent(spans::add));
        return MinuteSpan.merge(spans).stream()
                .map(MinuteSpan::toWindow)
                .flatMap(Optional::stream)
                .toList();
    }

    /** The spans the rules give a date, before splitting off what runs past midnight. */
    private List<MinuteSpan> spansOf(LocalDate date, Set<LocalDate> publicHolidays) {
        boolean holiday = publicHolidays.contains(date);
        List<MinuteSpan> spans = List.of();
        for (HoursRule rule : rules) {
            if (rule.selects(date, holiday)) {
                spans = rule.additive() ? concat(spans, rule.spans()) : rule.spans();
            }
        }
        return spans;
    }

    private static List<MinuteSpan> concat(List<MinuteSpan> first, List<MinuteSpan> second) {
        List<MinuteSpan> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Override
    public String toString() {
        return text;
    }
}
