package io.itinera.events.enrichment;

import java.time.LocalDate;
import java.util.List;

/** The local opening windows of a point of interest on one date, in order and not overlapping. */
public record DayWindows(LocalDate date, List<TimeWindow> windows) {}
