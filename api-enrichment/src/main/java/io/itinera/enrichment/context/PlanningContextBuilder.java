package io.itinera.enrichment.context;

import io.itinera.enrichment.EnrichmentProperties;
import io.itinera.enrichment.calendar.Daylight;
import io.itinera.enrichment.calendar.DaylightCalculator;
import io.itinera.enrichment.calendar.Holidays;
import io.itinera.enrichment.calendar.PublicHolidays;
import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.catalog.CatalogPoi;
import io.itinera.enrichment.context.DestinationDays.DestinationDay;
import io.itinera.enrichment.money.ExchangeRates;
import io.itinera.enrichment.poi.Candidates;
import io.itinera.enrichment.weather.WeatherForecaster;
import io.itinera.enrichment.weather.WeatherOutlook;
import io.itinera.events.enrichment.ContextSource;
import io.itinera.events.enrichment.DayWindows;
import io.itinera.events.enrichment.ExchangeRate;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TimeWindow;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.trip.TripRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Builds the planning context of a trip: per date the UTC offset at local noon, daylight, public holiday and weather;
 * every candidate point of interest with its opening windows on the trip's dates (holidays honoured); an indicative
 * exchange rate; the warnings a traveller would want; and where each part came from.
 */
@Component
public class PlanningContextBuilder {

    public static final String DESTINATION = "destination";
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    private final Clock clock;
    private final ClosureWarnings closureWarnings;
    private final DayWarnings dayWarnings;
    private final CandidateWarnings candidateWarnings;
    private final PublicHolidays publicHolidays;
    private final DestinationDays destinationDays;
    private final WeatherForecaster weather;
    private final ExchangeRates exchangeRates;

    public PlanningContextBuilder(
            Clock clock,
            EnrichmentProperties properties,
            PublicHolidays publicHolidays,
            DestinationDays destinationDays,
            WeatherForecaster weather,
            ExchangeRates exchangeRates) {
        this.clock = clock;
        this.closureWarnings = new ClosureWarnings(properties.popularThreshold());
        this.dayWarnings = new DayWarnings();
        this.candidateWarnings = new CandidateWarnings();
        this.publicHolidays = publicHolidays;
        this.destinationDays = destinationDays;
        this.weather = weather;
        this.exchangeRates = exchangeRates;
    }

    /**
     * @param destinationSource where the destination came from: {@code curated} or {@code geonames}
     */
    public PlanningContext build(
            TripRequest request, CatalogDestination destination, Candidates candidates, String destinationSource) {
        List<LocalDate> dates =
                request.startDate().datesUntil(request.endDate().plusDays(1)).toList();
        Holidays holidays = publicHolidays.between(destination, request.startDate(), request.endDate());
        Map<LocalDate, DestinationDay> onDate = new LinkedHashMap<>();
        dates.forEach(date -> onDate.put(date, destinationDays.on(destination, date)));
        List<PointOfInterest> pois = candidates.pois().stream()
                .map(poi -> pointOfInterest(poi, onDate))
                .toList();
        WeatherOutlook outlook = weather.outlook(destination, dates);
        List<TripDay> days = onDate.entrySet().stream()
                .map(entry -> day(destination, entry.getKey(), entry.getValue().daylight(), holidays, outlook))
                .toList();
        Optional<ExchangeRates.Quote> quote =
                exchangeRates.quote(destination.currency().getCurrencyCode(), request.currency());

        List<String> warnings = new ArrayList<>(closureWarnings.of(pois, dates));
        warnings.addAll(dayWarnings.holidays(days, candidates.pois(), holidays));
        dayWarnings.earlySunset(days).ifPresent(warnings::add);
        warnings.addAll(dayWarnings.rain(days));
        candidateWarnings.exhausted(request, destination.name(), pois).ifPresent(warnings::add);

        List<ContextSource> sources = new ArrayList<>();
        sources.add(new ContextSource(DESTINATION, destinationSource, false, null, null));
        sources.add(candidates.source());
        sources.add(new ContextSource(
                "holidays",
                holidays.known() ? PublicHolidays.SOURCE : "none",
                false,
                holidays.known() ? null : "no holiday calendar for " + destination.country(),
                null));
        sources.add(new ContextSource("daylight", DaylightCalculator.SOURCE, false, null, null));
        sources.addAll(outlook.sources());
        quote.ifPresent(q -> sources.add(q.source()));
        ExchangeRate rate = quote.map(ExchangeRates.Quote::rate).orElse(null);
        return new PlanningContext(
                destination.toDestination(), days, pois, warnings, clock.instant(), rate, List.copyOf(sources));
    }

    private static TripDay day(
            CatalogDestination destination, LocalDate date, Daylight light, Holidays holidays, WeatherOutlook outlook) {
        return new TripDay(
                date,
                OFFSET.format(destination.timeZone().getRules().getOffset(date.atTime(LocalTime.NOON))),
                light.sunrise(),
                light.sunset(),
                holidays.on(date).orElse(null),
                light.civilDawn(),
                light.civilDusk(),
                outlook.on(date).orElse(null));
    }

    private static PointOfInterest pointOfInterest(CatalogPoi poi, Map<LocalDate, DestinationDay> onDate) {
        List<DayWindows> open = new ArrayList<>();
        onDate.forEach((date, day) -> {
            List<TimeWindow> windows = day.windows(poi.openingHours());
            if (!windows.isEmpty()) {
                open.add(new DayWindows(date, windows));
            }
        });
        return new PointOfInterest(
                poi.id(),
                poi.name(),
                poi.category(),
                poi.location(),
                poi.visitMinutes(),
                poi.openingHours().text(),
                open,
                poi.indoor(),
                poi.priceLevel(),
                poi.popularity());
    }
}
