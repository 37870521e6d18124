package io.itinera.events;

/**
 * A second Java shape of an event, for code that only forwards its bulky parts (the gateway's saga): the same
 * components in the same order, with those parts held as {@link io.itinera.events.serde.RawJson}, so that it reads
 * and writes exactly the JSON of {@code T}. It travels on {@code T}'s topic under {@code T}'s CloudEvents type.
 */
public interface RawForm<T extends Event> extends Event {

    /** The event whose JSON this is. */
    Class<T> formOf();
}
