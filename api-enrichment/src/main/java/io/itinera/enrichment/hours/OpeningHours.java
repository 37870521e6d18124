package io.itinera.enrichment.hours;

import ch.poole.openinghoursparser.OpeningHoursParseException;
import ch.poole.openinghoursparser.OpeningHoursParser;
import ch.poole.openinghoursparser.Rule;
import ch.poole.openinghoursparser.TokenMgrError;
import io.itinera.events.enrichment.TimeWindow;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Opening hours in OpenStreetMap {@code opening_hours} syntax, parsed once by OpeningHoursParser and evaluated here
 * with the semantics of the reference evaluator (opening_hours.js): years, months and dates (easter included), ISO
 * weeks, weekdays with nth and offsets, public holidays, fixed and sun-relative times, spans past midnight, open ends,
 * additional ({@code ,}) and fallback ({@code ||}) rules, {@code open}/{@code off}/{@code unknown} and comments. A day is
 * evaluated minute by minute in local time: the last rule that selects the day replaces earlier ones unless it only
 * closes or adds, and later matching spans win.
 */
public final class OpeningHours {

    private static final byte CLOSED = (byte) HoursState.CLOSED.ordinal();
    private static final byte OPEN = (byte) HoursState.OPEN.ordinal();
    private static final byte UNKNOWN = (byte) HoursState.UNKNOWN.ordinal();
    private static final HoursState[] STATES = HoursState.values();

    private final String text;
    private final List<CompiledRule> rules;

    private OpeningHours(String text, List<CompiledRule> rules) {
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
                    .rules(false, true);
        } catch (OpeningHoursParseException | TokenMgrError e) {
            throw new InvalidOpeningHoursException(
                    "cannot parse opening hours '%s': %s".formatted(text, e.getMessage()), e);
        }
        return new OpeningHours(text, new RuleCompiler(text).compile(parsed));
    }

    /** The source text, e.g. {@code Tu-Su 10:00-18:00; PH off}. */
    public String text() {
        return text;
    }

    /**
     * The local windows during which the place is open on a date, in order and not overlapping; empty when it is
     * closed. Unknown times (an open end, a comment alone) are not open. A window cannot leave its day: a close at
     * midnight becomes 23:59.
     */
    public List<TimeWindow> windowsOn(LocalDate date, HoursContext context) {
        byte[] minutes = evaluate(date, context);
        List<TimeWindow> windows = new ArrayList<>();
        int start = -1;
        for (int minute = 0; minute <= minutes.length; minute++) {
            boolean open = minute < minutes.length && minutes[minute] == OPEN;
            if (open && start < 0) {
                start = minute;
            } else if (!open && start >= 0) {
                new MinuteSpan(start, minute).toWindow().ifPresent(windows::add);
                start = -1;
            }
        }
        return windows;
    }

    /** As {@link #windowsOn(LocalDate, HoursContext)}, with sun-relative times at the grammar's defaults. */
    public List<TimeWindow> windowsOn(LocalDate date, Set<LocalDate> publicHolidays) {
        return windowsOn(date, HoursContext.of(publicHolidays));
    }

    /** The state at a local date and time. */
    public HoursState stateAt(LocalDateTime time, HoursContext context) {
        return STATES[evaluate(time.toLocalDate(), context)[time.getHour() * 60 + time.getMinute()]];
    }

    /** The state of every minute of a local day. */
    private byte[] evaluate(LocalDate date, HoursContext context) {
        byte[] minutes = new byte[TimeSpec.DAY];
        SunTimes sun = null;
        for (CompiledRule rule : applying(date, context)) {
            if (rule.times().isEmpty()) {
                apply(minutes, rule, 0, TimeSpec.DAY, false);
                continue;
            }
            if (sun == null) {
                sun = context.sunTimes(date);
            }
            for (TimeSpec time : rule.times()) {
                int[] span = rule.wrapped() ? time.onNextDay(sun) : time.onItsDay(sun);
                apply(minutes, rule, span[0], span[1], time.openEnd());
            }
        }
        return minutes;
    }

    /** The rules that apply on a date, in order: a rule that opens the day (or makes it unknown) replaces the ones before. */
    private List<CompiledRule> applying(LocalDate date, HoursContext context) {
        List<CompiledRule> applying = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            CompiledRule rule = rules.get(i);
            if (!rule.appliesOn(date, context)) {
                continue;
            }
            boolean replaces = rule.hasDateSelectors()
                    || (i > 0
                            && rule.state() == HoursState.OPEN
                            && !rules.get(i - 1).hasDateSelectors());
            if (replaces
                    && rule.state() != HoursState.CLOSED
                    && !rule.wrapped()
                    && !rule.additional()
                    && !rule.fallback()) {
                applying.clear();
            }
            applying.add(rule);
        }
        return applying;
    }

    private static void apply(byte[] minutes, CompiledRule rule, int from, int to, boolean openEnd) {
        byte state = (byte) rule.state().ordinal();
        if (openEnd && state != CLOSED) {
            state = UNKNOWN;
        }
        int lo = Math.min(Math.max(from, 0), minutes.length);
        int hi = Math.min(Math.max(to, lo), minutes.length);
        if (!rule.fallback()) {
            Arrays.fill(minutes, lo, hi, state);
            return;
        }
        for (int minute = lo; minute < hi; minute++) {
            if (minutes[minute] == CLOSED) {
                minutes[minute] = state;
            }
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
