package io.itinera.events.kafka;

import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** The sources of the service's Kafka Streams topology, global stores' included; none before it is built. */
final class StreamsReadTopics implements ReadTopics {

    private final StreamsBuilderFactoryBean streams;

    StreamsReadTopics(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @Override
    public Set<String> names() {
        Topology topology = streams.getTopology();
        Set<String> names = new TreeSet<>();
        if (topology == null) {
            return names;
        }
        TopologyDescription description = topology.describe();
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
