package io.itinera.events.kafka;

import java.util.Set;

/** Topics a part of the service reads other than through its listeners (a Kafka Streams topology). */
interface ReadTopics {

    Set<String> names();
}
