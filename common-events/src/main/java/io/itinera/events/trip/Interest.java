package io.itinera.events.trip;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The documented interest vocabulary; also the category of every point of interest. */
public enum Interest {
    @JsonProperty("architecture")
    ARCHITECTURE,
    @JsonProperty("art")
    ART,
    @JsonProperty("culture")
    CULTURE,
    @JsonProperty("food")
    FOOD,
    @JsonProperty("history")
    HISTORY,
    @JsonProperty("nature")
    NATURE,
    @JsonProperty("nightlife")
    NIGHTLIFE,
    @JsonProperty("religion")
    RELIGION,
    @JsonProperty("shopping")
    SHOPPING,
    @JsonProperty("viewpoints")
    VIEWPOINTS;

    /** The wire name, e.g. {@code viewpoints}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
