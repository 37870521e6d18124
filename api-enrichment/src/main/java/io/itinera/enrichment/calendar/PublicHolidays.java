package io.itinera.enrichment.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import io.itinera.enrichment.catalog.CatalogDestination;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Public holidays of a destination's country from jollyday, plus its region's and city's where {@code
 * holiday-regions.properties} maps the destination onto jollyday's hierarchy (e.g. {@code lisbon=11/LSB}). Bank
 * holidays and observances are left out: they do not close museums. A holiday moved off a weekend counts on both days,
 * the day it is observed named as such (Monday 2027-07-05, {@code Independence Day (observed)}).
 */
@Component
public class PublicHolidays {

    public static final String SOURCE = "jollyday";
    static final String REGIONS = "/holiday-regions.properties";

    private final Map<String, String[]> regions;
    private final Set<String> countries;
    private final Map<String, Optional<HolidayManager>> managers = new ConcurrentHashMap<>();

    public PublicHolidays() {
        this.regions = regions();
        this.countries = HolidayManager.getSupportedCalendarCodes().stream()
                .map(code -> code.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public Holidays between(CatalogDestination destination, LocalDate first, LocalDate last) {
        Optional<HolidayManager> manager = manager(destination.country());
        if (manager.isEmpty()) {
            return new Holidays(Map.of(), false);
        }
        String[] region = regions.getOrDefault(destination.id(), new String[0]);
        Map<LocalDate, String> names = new TreeMap<>();
        // A year later too: next New Year's Day falling on a Saturday is observed on this year's last Friday.
        for (int year = first.getYear(); year <= last.getYear() + 1; year++) {
            for (Holiday holiday : manager.get().getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, region)) {
                String name = holiday.getDescription(Locale.ENGLISH);
                LocalDate date = holiday.getActualDate();
                add(names, date, name, first, last);
                // A holiday on a weekend may be observed on a weekday (the US moves Sunday's to Monday): closed too.
                holiday.getObservedDate()
                        .filter(observed -> !observed.equals(date))
                        .ifPresent(observed -> add(names, observed, name + " (observed)", first, last));
            }
        }
        return new Holidays(names, true);
    }

    private static void add(
            Map<LocalDate, String> names, LocalDate date, String name, LocalDate first, LocalDate last) {
        if (!date.isBefore(first) && !date.isAfter(last)) {
            names.merge(date, name, (a, b) -> a + " / " + b);
        }
    }

    private Optional<HolidayManager> manager(String country) {
        String code = country.toLowerCase(Locale.ROOT);
        return managers.computeIfAbsent(
                code,
                c -> countries.contains(c)
                        ? Optional.of(HolidayManager.getInstance(ManagerParameters.create(c)))
                        : Optional.empty());
    }

    private static Map<String, String[]> regions() {
        Properties properties = new Properties();
        try (InputStream in = PublicHolidays.class.getResourceAsStream(REGIONS)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.stringPropertyNames().stream()
                .collect(Collectors.toUnmodifiableMap(
                        id -> id, id -> properties.getProperty(id).strip().split("/")));
    }
}
