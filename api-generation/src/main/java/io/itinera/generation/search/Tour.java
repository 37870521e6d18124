package io.itinera.generation.search;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One tour as arrays of positions: position 0 is the departure from the depot and the last position the return. For
 * every position it keeps the node, where the traveller is (a break happens where the previous position was), the
 * earliest start of service, and the latest start that keeps the rest of the tour feasible; with these an insertion is
 * checked in constant time (plus the breaks that directly follow it).
 */
final class Tour {

    static final int INFEASIBLE = Integer.MIN_VALUE;

    /** Source of stamps: a tour's stamp changes whenever its content does, and copies share it. */
    private static final AtomicLong STAMPS = new AtomicLong();

    private static final int[] NO_CATEGORIES = new int[0];

    final SearchProblem p;
    final int index;
    int[] node;
    int[] loc;
    int[] start;
    int[] latest;
    int len;
    double value;
    /** The first position whose start is too late, or -1 when the tour is feasible. */
    int violation = -1;
    /** Identifies the tour's content, so that caches keyed by it stay valid across copies. */
    long stamp;
    /** Scores of the tour's places per category, best first; only kept when returns diminish. */
    double @Nullable [][] byCategory;

    /** How many scores of each category {@link #byCategory} holds; empty when it is not kept. */
    int[] catCount = NO_CATEGORIES;

    Tour(SearchProblem p, int index) {
        this.p = p;
        this.index = index;
        int capacity = p.size + 2;
        node = new int[capacity];
        loc = new int[capacity];
        start = new int[capacity];
        latest = new int[capacity];
        int[] breaks = p.breaksOf[index];
        len = 2 + breaks.length;
        for (int i = 0; i < breaks.length; i++) {
            node[i + 1] = breaks[i];
        }
        if (!p.additive()) {
            int cats = 0;
            for (int c : p.category) {
                cats = Math.max(cats, c + 1);
            }
            byCategory = new double[cats][p.size];
            catCount = new int[cats];
        }
        refresh();
    }

    Tour(Tour other) {
        this.p = other.p;
        this.index = other.index;
        this.node = other.node.clone();
        this.loc = other.loc.clone();
        this.start = other.start.clone();
        this.latest = other.latest.clone();
        this.len = other.len;
        this.value = other.value;
        this.violation = other.violation;
        this.stamp = other.stamp;
        if (other.byCategory != null) {
            this.byCategory = new double[other.byCategory.length][];
            for (int c = 0; c < byCategory.length; c++) {
                byCategory[c] = other.byCategory[c].clone();
            }
            this.catCount = other.catCount.clone();
        }
    }

    void copyFrom(Tour other) {
        System.arraycopy(other.node, 0, node, 0, other.len);
        System.arraycopy(other.loc, 0, loc, 0, other.len);
        System.arraycopy(other.start, 0, start, 0, other.len);
        System.arraycopy(other.latest, 0, latest, 0, other.len);
        len = other.len;
        value = other.value;
        violation = other.violation;
        stamp = other.stamp;
        if (byCategory != null && other.byCategory != null) {
            for (int c = 0; c < byCategory.length; c++) {
                System.arraycopy(other.byCategory[c], 0, byCategory[c], 0, other.catCount[c]);
            }
            System.arraycopy(other.catCount, 0, catCount, 0, catCount.length);
        }
    }

    /** Number of places (not breaks) on the tour. */
    int places() {
        int count = 0;
        for (int k = 1; k < len - 1; k++) {
            if (!p.isBreak(node[k])) {
                count++;
            }
        }
        return count;
    }

    int end() {
        return start[len - 1];
    }

    /** Recomputes locations, earliest starts, latest starts and the value; true when the tour is feasible. */
    boolean refresh() {
        stamp = STAMPS.incrementAndGet();
        int t = index;
        int[] open = p.open[t];
        node[0] = 0;
        node[len - 1] = 0;
        loc[0] = 0;
        start[0] = p.tourOpen[t];
        violation = -1;
        for (int k = 1; k < len; k++) {
            int n = node[k];
            loc[k] = n > p.places ? loc[k - 1] : n;
            int arrival = start[k - 1] + p.service[node[k - 1]] + p.travel[loc[k - 1]][loc[k]];
            start[k] = k == len - 1 ? arrival : Math.max(arrival, open[n]);
            if (violation < 0 && k < len - 1 && start[k] > p.close[t][n]) {
                violation = k;
            }
        }
        if (violation < 0 && start[len - 1] > p.tourClose[t]) {
            violation = len - 1;
        }
        latest[len - 1] = p.tourClose[t];
        for (int k = len - 2; k >= 1; k--) {
            int n = node[k];
            latest[k] = Math.min(p.close[t][n], latest[k + 1] - p.service[n] - p.travel[loc[k]][loc[k + 1]]);
        }
        latest[0] = latest[1] - p.travel[0][loc[1]];
        recomputeValue();
        return violation < 0;
    }

    private void recomputeValue() {
        double[] score = p.score[index];
        if (byCategory == null) {
            double v = 0;
            for (int k = 1; k < len - 1; k++) {
                v += score[node[k]];
            }
            value = v;
            return;
        }
        Arrays.fill(catCount, 0);
        double v = 0;
        for (int k = 1; k < len - 1; k++) {
            int n = node[k];
            int c = p.category[n];
            if (c < 0) {
                v += score[n];
            } else {
                byCategory[c][catCount[c]++] = score[n];
            }
        }
        for (int c = 0; c < catCount.length; c++) {
            int count = catCount[c];
            double[] list = byCategory[c];
            Arrays.sort(list, 0, count);
            for (int i = 0, j = count - 1; i < j; i++, j--) {
                double tmp = list[i];
                list[i] = list[j];
                list[j] = tmp;
            }
            double factor = 1;
            for (int i = 0; i < count; i++) {
                v += list[i] * factor;
                factor *= p.repeatFactor;
            }
        }
        value = v;
    }

    /** What adding the node would add to the tour's value. */
    double gain(int n) {
        double s = p.score[index][n];
        if (byCategory == null) {
            return s;
        }
        int c = p.category[n];
        if (c < 0) {
            return s;
        }
        double[] list = byCategory[c];
        int count = catCount[c];
        double f = p.repeatFactor;
        // Inserting s into the descending list: it takes factor f^pos and every later entry gets one more f.
        double before = 0;
        double after = 0;
        double factor = 1;
        int pos = 0;
        while (pos < count && list[pos] >= s) {
            factor *= f;
            pos++;
        }
        after += s * factor;
        for (int i = pos; i < count; i++) {
            before += list[i] * factor;
            after += list[i] * factor * f;
            factor *= f;
        }
        return after - before;
    }

    /** What removing the node at position k would take from the tour's value. */
    double loss(int k) {
        int n = node[k];
        double s = p.score[index][n];
        if (byCategory == null) {
            return s;
        }
        int c = p.category[n];
        if (c < 0) {
            return s;
        }
        double[] list = byCategory[c];
        int count = catCount[c];
        double f = p.repeatFactor;
        int pos = 0;
        while (pos < count && list[pos] != s) {
            pos++;
        }
        double factor = Math.pow(f, pos);
        double lost = s * factor;
        for (int i = pos + 1; i < count; i++) {
            lost += list[i] * (factor * f - factor);
            factor *= f;
        }
        return lost;
    }

    /**
     * The delay that inserting node n after position k causes at the first place (or the return) that follows, or
     * {@link #INFEASIBLE}.
     */
    int insertionDelay(int k, int n) {
        int t = index;
        int arrival = start[k] + p.service[node[k]] + p.travel[loc[k]][n];
        int s = Math.max(arrival, p.open[t][n]);
        if (s > p.close[t][n]) {
            return INFEASIBLE;
        }
        int depart = s + p.service[n];
        int q = k + 1;
        int oldDepart = start[k] + p.service[node[k]];
        int oldLoc = loc[k];
        while (q < len - 1 && node[q] > p.places) {
            int b = node[q];
            int bs = Math.max(depart, p.open[t][b]);
            if (bs > p.close[t][b]) {
                return INFEASIBLE;
            }
            depart = bs + p.service[b];
            oldDepart = start[q] + p.service[b];
            q++;
        }
        int newArrival = depart + p.travel[n][loc[q]];
        if (newArrival > latest[q]) {
            return INFEASIBLE;
        }
        int oldArrival = oldDepart + p.travel[oldLoc][loc[q]];
        return newArrival - oldArrival;
    }

    void insert(int k, int n) {
        System.arraycopy(node, k + 1, node, k + 2, len - k - 1);
        node[k + 1] = n;
        len++;
        refresh();
    }

    /** Removes the node at position k (which must be a place) and returns it. */
    int removeAt(int k) {
        int n = node[k];
        System.arraycopy(node, k + 1, node, k, len - k - 1);
        len--;
        refresh();
        return n;
    }

    /** Removes several positions at once (sorted ascending, places only) with one refresh. */
    void removeAll(int[] positions, int count) {
        int write = 0;
        int next = 0;
        for (int k = 0; k < len; k++) {
            if (next < count && positions[next] == k) {
                next++;
                continue;
            }
            node[write++] = node[k];
        }
        len = write;
        refresh();
    }

    @Override
    public String toString() {
        return Arrays.toString(Arrays.copyOf(node, len));
    }
}
