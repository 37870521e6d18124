/** Generation requests from Kafka: validate, plan, and publish progress and the outcome. */
@NullMarked
package io.itinera.generation.request;

import org.jspecify.annotations.NullMarked;
