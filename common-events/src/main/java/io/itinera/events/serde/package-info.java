/** JSON on the wire: one Jackson mapper, Kafka serializers and Kafka Streams serdes for the event records. */
@NullMarked
package io.itinera.events.serde;

import org.jspecify.annotations.NullMarked;
