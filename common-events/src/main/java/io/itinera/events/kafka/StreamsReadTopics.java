package io.itinera.events.kafka;

import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * The topics the service's Kafka Streams topology reads: its sources, its global stores' topics, and its stores'
 * changelogs (a task restores its stores from them at read_committed before it processes anything); none before the
 * topology is built.
 */
public final class StreamsReadTopics implements ReadTopics {

    private final StreamsBuilderFactoryBean streams;

    StreamsReadTopics(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @Override
    public Set<String> names() {
        Properties config = streams.getStreamsConfiguration();
        return names(
                streams.getTopology(), config == null ? null : config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
    }

    static Set<String> names(@Nullable Topology topology, @Nullable String applicationId) {
        if (topology == null) {
            return new TreeSet<>();
        }
        Set<String> names = sources(topology);
        if (applicationId != null) {
            topology.describe().subtopologies().stream()
                    .flatMap(subtopology -> subtopology.nodes().stream())
                    .filter(TopologyDescription.Processor.class::isInstance)
                    .flatMap(node -> ((TopologyDescription.Processor) node).stores().stream())
                    .forEach(store -> names.add(applicationId + "-" + store + "-changelog"));
        }
        return names;
    }

    /** A topology's input topics and its global stores' topics, without the repartition topics Streams makes itself. */
    public static Set<String> sources(Topology topology) {
        TopologyDescription description = topology.describe();
        Set<String> names = new TreeSet<>();
        description.subtopologies().stream()
                .flatMap(subtopology -> subtopology.nodes().stream())
                .filter(TopologyDescription.Source.class::isInstance)
                .map(node -> ((TopologyDescription.Source) node).topicSet())
                .filter(topics -> topics != null)
                .forEach(names::addAll);
        description.globalStores().forEach(store -> names.addAll(store.source().topicSet()));
        names.removeIf(name -> name.endsWith("-repartition"));
        return names;
    }
}
