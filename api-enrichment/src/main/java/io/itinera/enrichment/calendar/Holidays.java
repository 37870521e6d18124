package io.itinera.enrichment.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The public holidays at a destination over some dates.
 *
 * @param names the English name of each holiday, by date
 * @param known false when the holiday library has no calendar for the destination's country
 */
public record Holidays(Map<LocalDate, String> names, boolean known) {

    public Holidays {
        names = Map.copyOf(names);
    }

    public Set<LocalDate> dates() {
        return names.keySet();
    }

    public Optional<String> on(LocalDate date) {
        return Optional.ofNullable(names.get(date));
    }
}
