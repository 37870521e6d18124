package io.itinera.events;

import java.util.List;

/** Lets tests in other packages use the samples. */
public final class SampleEventsAccess {

    private SampleEventsAccess() {}

    public static List<Object> samplesOf(Class<?> type) {
        return SampleEvents.all().getOrDefault(type, List.of());
    }
}
