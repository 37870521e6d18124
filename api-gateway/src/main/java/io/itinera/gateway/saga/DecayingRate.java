package io.itinera.gateway.saga;

import java.time.Duration;

/**
 * An exponentially weighted rate of events: each event adds one, and the sum decays with the time constant
 * {@code window}, so at a steady rate {@code r} it settles at {@code r * window} and the rate reads as sum / window.
 */
final class DecayingRate {

    private final double windowMillis;
    private double weight;
    private long lastMillis;

    DecayingRate(Duration window) {
        this.windowMillis = window.toMillis();
    }

    long windowMillis() {
        return (long) windowMillis;
    }

    synchronized void mark(long nowMillis) {
        decayTo(nowMillis);
        weight += 1;
    }

    synchronized double perSecond(long nowMillis) {
        decayTo(nowMillis);
        return weight * 1000 / windowMillis;
    }

    private void decayTo(long nowMillis) {
        if (nowMillis > lastMillis) {
            weight *= Math.exp(-(nowMillis - lastMillis) / windowMillis);
            lastMillis = nowMillis;
        }
    }
}
