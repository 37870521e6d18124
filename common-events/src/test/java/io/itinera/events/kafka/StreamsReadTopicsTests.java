package io.itinera.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.junit.jupiter.api.Test;

class StreamsReadTopicsTests {

    @Test
    void aTopologyReadsItsSourcesItsGlobalStoresTopicsAndItsStoresChangelogs() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("travel-trips.commands", Consumed.with(Serdes.String(), Serdes.String()))
                .groupByKey()
                .count(Materialized.as("trip-saga-store"));
        builder.globalTable("travel-trips.state", Consumed.with(Serdes.String(), Serdes.String()));

        assertThat(StreamsReadTopics.names(builder.build(), "api-gateway"))
                .containsExactlyInAnyOrder(
                        "travel-trips.commands", "travel-trips.state", "api-gateway-trip-saga-store-changelog");
        assertThat(StreamsReadTopics.names(null, "api-gateway")).isEmpty();
    }
}
