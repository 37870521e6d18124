package io.itinera.events.trip;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;

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
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The interest a wire name stands for, e.g. {@code VIEWPOINTS} for {@code viewpoints}.
     *
     * @throws IllegalArgumentException naming the vocabulary when the text is not one of its words
     */
    public static Interest fromWireName(String text) {
        return Arrays.stream(values())
                .filter(interest -> interest.wireName().equals(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'%s' is not one of %s"
                        .formatted(
                                text,
                                Arrays.stream(values()).map(Interest::wireName).toList())));
    }
}
