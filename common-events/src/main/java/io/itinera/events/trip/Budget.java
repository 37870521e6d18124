package io.itinera.events.trip;

/** How much the traveller wants to spend; compared with a point of interest's price level (0 free … 3 expensive). */
public enum Budget {
    LOW(1),
    MEDIUM(2),
    HIGH(3);

    private final int maxPriceLevel;

    Budget(int maxPriceLevel) {
        this.maxPriceLevel = maxPriceLevel;
    }

    public int maxPriceLevel() {
        return maxPriceLevel;
    }
}
