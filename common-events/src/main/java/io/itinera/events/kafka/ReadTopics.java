package io.itinera.events.kafka;

import java.util.Set;

/**
 * Topics a part of the service reads other than through its listeners (a Kafka Streams topology, a consumer of its
 * own): a bean of this type adds them to what {@link HangingTransactionWatch} looks at.
 */
public interface ReadTopics {

    Set<String> names();
}
