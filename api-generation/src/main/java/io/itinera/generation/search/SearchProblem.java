package io.itinera.generation.search;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A team orienteering problem with time windows, in integer time units: node 0 is the depot where every tour starts
 * and ends, nodes {@code 1..n} are places to visit, and nodes above {@code n} are breaks (pauses such as lunch) that
 * belong to one tour each, must be taken there, and happen where the traveller is. Windows, scores and the depot's
 * hours may differ per tour (per day); a place may be unavailable on some tours. Places of one exclusive group (copies
 * of one place, one per opening window) are visited at most once in all. Scores of one category on one tour have
 * diminishing returns: the best counts fully, the next times {@code repeatFactor}, the next times its square, and so on.
 */
public final class SearchProblem {

    /** Marks a place that cannot be visited on a tour. */
    public static final int CLOSED = Integer.MIN_VALUE;

    final int places;
    final int tours;
    final int size;
    final int[][] travel;
    final int[] service;
    final int[][] open;
    final int[][] close;
    final double[][] score;
    final int[] group;
    final int groups;
    final int[] category;
    final double repeatFactor;
    final int[] tourOpen;
    final int[] tourClose;
    final int[][] breaksOf;
    final int[] breakTour;

    private SearchProblem(Builder b) {
        this.places = b.places;
        this.tours = b.tours;
        this.size = b.places + 1 + b.breakCount;
        this.travel = b.travel;
        this.service = b.service;
        this.open = b.open;
        this.close = b.close;
        this.score = b.score;
        this.group = b.group;
        this.groups = Arrays.stream(b.group).max().orElse(0) + 1;
        this.category = b.category;
        this.repeatFactor = b.repeatFactor;
        this.tourOpen = b.tourOpen;
        this.tourClose = b.tourClose;
        this.breakTour = b.breakTour;
        this.breaksOf = new int[tours][];
        for (int t = 0; t < tours; t++) {
            int tour = t;
            breaksOf[t] = IntStream.range(places + 1, size)
                    .filter(i -> b.breakTour[i] == tour)
                    .sorted()
                    .toArray();
        }
    }

    public int places() {
        return places;
    }

    public int tours() {
        return tours;
    }

    boolean isBreak(int node) {
        return node > places;
    }

    boolean additive() {
        return repeatFactor >= 1.0;
    }

    /** Starts a problem with {@code places} places (nodes 1..places), {@code breaks} breaks and {@code tours} tours. */
    public static Builder builder(int places, int breaks, int tours) {
        return new Builder(places, breaks, tours);
    }

    /** Fills the arrays of a problem; every place starts closed on every tour, with score 0. */
    public static final class Builder {

        private final int places;
        private final int breakCount;
        private final int tours;
        private final int[][] travel;
        private final int[] service;
        private final int[][] open;
        private final int[][] close;
        private final double[][] score;
        private final int[] group;
        private final int[] category;
        private final int[] tourOpen;
        private final int[] tourClose;
        private final int[] breakTour;
        private double repeatFactor = 1.0;
        private int nextBreak;

        private Builder(int places, int breaks, int tours) {
            this.places = places;
            this.breakCount = breaks;
            this.tours = tours;
            int size = places + 1 + breaks;
            this.travel = new int[places + 1][places + 1];
            this.service = new int[size];
            this.open = new int[tours][size];
            this.close = new int[tours][size];
            this.score = new double[tours][size];
            this.group = new int[size];
            this.category = new int[size];
            this.tourOpen = new int[tours];
            this.tourClose = new int[tours];
            this.breakTour = new int[size];
            Arrays.fill(breakTour, -1);
            Arrays.fill(category, -1);
            for (int i = 0; i < size; i++) {
                group[i] = i;
            }
            for (int t = 0; t < tours; t++) {
                Arrays.fill(open[t], 0);
                Arrays.fill(close[t], CLOSED);
            }
            this.nextBreak = places + 1;
        }

        /** Travel time between two locations (0 = depot, 1..places). */
        public Builder travel(int from, int to, int time) {
            travel[from][to] = time;
            return this;
        }

        /** Shares one travel matrix; it must be {@code (places+1)²}. */
        public Builder travelMatrix(int[][] matrix) {
            for (int i = 0; i <= places; i++) {
                System.arraycopy(matrix[i], 0, travel[i], 0, places + 1);
            }
            return this;
        }

        public Builder service(int place, int time) {
            service[place] = time;
            return this;
        }

        /** The place may start its visit within [earliest, latest] on that tour, for that score. */
        public Builder window(int tour, int place, int earliest, int latest, double value) {
            open[tour][place] = earliest;
            close[tour][place] = latest;
            score[tour][place] = value;
            return this;
        }

        public Builder tourHours(int tour, int leaveNoEarlier, int backNoLater) {
            tourOpen[tour] = leaveNoEarlier;
            tourClose[tour] = backNoLater;
            return this;
        }

        /** Places of the same group exclude each other. */
        public Builder group(int place, int groupId) {
            group[place] = groupId;
            return this;
        }

        public Builder category(int place, int categoryId) {
            category[place] = categoryId;
            return this;
        }

        public Builder repeatFactor(double factor) {
            this.repeatFactor = factor;
            return this;
        }

        /** Adds a break to a tour: it starts within [earliest, latest] and lasts {@code duration}; returns its node. */
        public int addBreak(int tour, int earliest, int latest, int duration) {
            int node = nextBreak++;
            breakTour[node] = tour;
            service[node] = duration;
            open[tour][node] = earliest;
            close[tour][node] = latest;
            group[node] = node;
            return node;
        }

        public SearchProblem build() {
            if (nextBreak != places + 1 + breakCount) {
                throw new IllegalStateException(
                        "declared " + breakCount + " breaks but added " + (nextBreak - places - 1));
            }
            int maxGroup = 0;
            for (int g : group) {
                maxGroup = Math.max(maxGroup, g);
            }
            if (maxGroup >= group.length) {
                throw new IllegalStateException("group ids must be below " + group.length);
            }
            return new SearchProblem(this);
        }
    }
}
