package io.itinera.generation.search;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Ways to take planned places out of a solution so that insertion can rebuild it differently. */
final class Ruin {

    enum Kind {
        RANDOM,
        SEGMENT,
        WORST,
        RELATED
    }

    private final SearchProblem p;
    private final int[] positions;
    private final int[] picked;
    private final double[] keys;
    private final int[] order;

    Ruin(SearchProblem p) {
        this.p = p;
        this.positions = new int[p.size + 2];
        this.picked = new int[p.size];
        this.keys = new double[p.size];
        this.order = new int[p.size];
    }

    /** Removes about {@code count} places; returns how many were removed. */
    int apply(Kind kind, Solution s, int count, SplittableRandom random) {
        return switch (kind) {
            case RANDOM -> random(s, count, random);
            case SEGMENT -> segments(s, count, random);
            case WORST -> worst(s, count, random);
            case RELATED -> related(s, count, random);
        };
    }

    private int planned(Solution s) {
        int count = 0;
        for (Tour tour : s.tours) {
            for (int k = 1; k < tour.len - 1; k++) {
                if (!p.isBreak(tour.node[k])) {
                    picked[count++] = tour.node[k];
                }
            }
        }
        return count;
    }

    private int random(Solution s, int count, SplittableRandom random) {
        int planned = planned(s);
        int remove = Math.min(count, planned);
        for (int i = 0; i < remove; i++) {
            int j = i + random.nextInt(planned - i);
            int tmp = picked[i];
            picked[i] = picked[j];
            picked[j] = tmp;
        }
        removeNodes(s, picked, remove);
        return remove;
    }

    /** A run of consecutive visits on each tour (on one tour when there are several), as in the classic shake. */
    private int segments(Solution s, int count, SplittableRandom random) {
        int removed = 0;
        int firstTour = random.nextInt(p.tours);
        int toursHit = p.tours == 1 ? 1 : 1 + random.nextInt(p.tours);
        for (int i = 0; i < toursHit; i++) {
            Tour tour = s.tours[(firstTour + i) % p.tours];
            int inner = tour.len - 2;
            if (inner <= 0) {
                continue;
            }
            int length = Math.max(1, Math.min(inner, count / toursHit));
            int from = 1 + random.nextInt(inner - length + 1);
            int n = 0;
            for (int k = from; k < from + length; k++) {
                if (!p.isBreak(tour.node[k])) {
                    positions[n++] = k;
                }
            }
            removePositions(s, tour, n);
            removed += n;
        }
        return removed;
    }

    /** Places that give little value for the time they take, with randomness (Ropke and Pisinger's rule). */
    private int worst(Solution s, int count, SplittableRandom random) {
        int planned = 0;
        for (Tour tour : s.tours) {
            for (int k = 1; k < tour.len - 1; k++) {
                int n = tour.node[k];
                if (p.isBreak(n)) {
                    continue;
                }
                int saving = p.travel[tour.loc[k - 1]][n]
                        + p.service[n]
                        + (tour.start[k] - arrival(tour, k))
                        + p.travel[n][tour.loc[k + 1]]
                        - p.travel[tour.loc[k - 1]][tour.loc[k + 1]];
                keys[planned] = tour.loss(k) / Math.max(1, saving);
                order[planned] = n;
                planned++;
            }
        }
        sortByKey(planned);
        int remove = Math.min(count, planned);
        for (int i = 0; i < remove; i++) {
            int j = i + (int) (Math.pow(random.nextDouble(), 3) * (planned - i));
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
            double tk = keys[i];
            keys[i] = keys[j];
            keys[j] = tk;
        }
        removeNodes(s, order, remove);
        return remove;
    }

    /** A random place and the planned places closest to it in space and time. */
    private int related(Solution s, int count, SplittableRandom random) {
        int planned = planned(s);
        if (planned == 0) {
            return 0;
        }
        int seed = picked[random.nextInt(planned)];
        int seedTour = s.tourOf[seed];
        int seedStart = startOf(s, seed);
        for (int i = 0; i < planned; i++) {
            int n = picked[i];
            int loc = n;
            double distance = p.travel[seed][loc] + p.travel[loc][seed];
            double timeGap = Math.abs(startOf(s, n) - seedStart);
            keys[i] = distance + 0.5 * timeGap + (s.tourOf[n] == seedTour ? 0 : 0.1 * distance);
            order[i] = n;
        }
        sortByKey(planned);
        int remove = Math.min(count, planned);
        removeNodes(s, order, remove);
        return remove;
    }

    private int startOf(Solution s, int n) {
        Tour tour = s.tours[s.tourOf[n]];
        for (int k = 1; k < tour.len - 1; k++) {
            if (tour.node[k] == n) {
                return tour.start[k];
            }
        }
        return 0;
    }

    private static int arrival(Tour tour, int k) {
        SearchProblem p = tour.p;
        return tour.start[k - 1] + p.service[tour.node[k - 1]] + p.travel[tour.loc[k - 1]][tour.loc[k]];
    }

    private void sortByKey(int count) {
        Integer[] idx = new Integer[count];
        for (int i = 0; i < count; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(keys[a], keys[b]));
        int[] nodes = new int[count];
        double[] sorted = new double[count];
        for (int i = 0; i < count; i++) {
            nodes[i] = order[idx[i]];
            sorted[i] = keys[idx[i]];
        }
        System.arraycopy(nodes, 0, order, 0, count);
        System.arraycopy(sorted, 0, keys, 0, count);
    }

    private void removeNodes(Solution s, int[] nodes, int count) {
        for (Tour tour : s.tours) {
            int n = 0;
            for (int k = 1; k < tour.len - 1; k++) {
                int node = tour.node[k];
                for (int i = 0; i < count; i++) {
                    if (nodes[i] == node) {
                        positions[n++] = k;
                        break;
                    }
                }
            }
            if (n > 0) {
                removePositions(s, tour, n);
            }
        }
    }

    private void removePositions(Solution s, Tour tour, int n) {
        for (int i = 0; i < n; i++) {
            int node = tour.node[positions[i]];
            s.tourOf[node] = -1;
            s.groupUsed[p.group[node]]--;
        }
        tour.removeAll(positions, n);
        // A break keeps its window: with the place before it gone it may start no earlier, yet happen further from
        // the next place, so a removal can make a tour late. Drop the place before the first late position until on
        // time.
        while (tour.violation >= 0) {
            int k = tour.violation - 1;
            while (k > 0 && p.isBreak(tour.node[k])) {
                k--;
            }
            if (k == 0) {
                k = tour.violation;
                while (k < tour.len - 1 && p.isBreak(tour.node[k])) {
                    k++;
                }
            }
            if (k >= tour.len - 1) {
                break;
            }
            int node = tour.node[k];
            s.tourOf[node] = -1;
            s.groupUsed[p.group[node]]--;
            tour.removeAt(k);
        }
    }
}
