package io.omskit.orchestration.picking;

/**
 * Improves a walking order by 2-opt (reverse a stretch) and segment moves (move one to three consecutive stops
 * elsewhere) until neither shortens the tour. Index 0 of the distance matrix is the depot; orders hold spot indices
 * (matrix index minus one).
 */
final class LocalSearch {

    private static final double EPSILON = 1e-9;
    private static final int MAX_ROUNDS = 50;

    private LocalSearch() {
    }

    static double tourLength(double[][] d, int[] order) {
        double total = 0;
        int at = 0;
        for (int spot : order) {
            total += d[at][spot + 1];
            at = spot + 1;
        }
        return total + d[at][0];
    }

    static int[] improve(double[][] d, int[] start) {
        return improve(d, start, true);
    }

    /** {@code symmetric}: whether {@code d[a][b] == d[b][a]} always; when not, reversing a stretch is costed in full. */
    static int[] improve(double[][] d, int[] start, boolean symmetric) {
        int n = start.length;
        int[] tour = new int[n + 2];
        for (int i = 0; i < n; i++) {
            tour[i + 1] = start[i] + 1;
        }
        boolean improved = true;
        for (int round = 0; improved && round < MAX_ROUNDS; round++) {
            improved = twoOpt(d, tour, symmetric) | segmentMoves(d, tour);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = tour[i + 1] - 1;
        }
        return order;
    }

    private static boolean twoOpt(double[][] d, int[] t, boolean symmetric) {
        boolean any = false;
        int last = t.length - 1;
        for (int i = 1; i < last - 1; i++) {
            for (int j = i + 1; j < last; j++) {
                double delta = d[t[i - 1]][t[j]] + d[t[i]][t[j + 1]] - d[t[i - 1]][t[i]] - d[t[j]][t[j + 1]];
                for (int k = i; !symmetric && k < j; k++) {
                    delta += d[t[k + 1]][t[k]] - d[t[k]][t[k + 1]];
                }
                if (delta < -EPSILON) {
                    for (int a = i, b = j; a < b; a++, b--) {
                        int tmp = t[a];
                        t[a] = t[b];
                        t[b] = tmp;
                    }
                    any = true;
                }
            }
        }
        return any;
    }

    private static boolean segmentMoves(double[][] d, int[] t) {
        boolean any = false;
        int last = t.length - 1;
        for (int len = 1; len <= 3; len++) {
            for (int i = 1; i + len <= last; i++) {
                int j = i + len - 1;
                double removed = d[t[i - 1]][t[i]] + d[t[j]][t[j + 1]] - d[t[i - 1]][t[j + 1]];
                for (int k = 0; k < last; k++) {
                    if (k >= i - 1 && k <= j) {
                        continue;
                    }
                    double added = d[t[k]][t[i]] + d[t[j]][t[k + 1]] - d[t[k]][t[k + 1]];
                    if (added - removed < -EPSILON) {
                        move(t, i, j, k);
                        any = true;
                        break;
                    }
                }
            }
        }
        return any;
    }

    /** Moves t[i..j] to sit between t[k] and t[k+1]. */
    private static void move(int[] t, int i, int j, int k) {
        int len = j - i + 1;
        int[] seg = new int[len];
        System.arraycopy(t, i, seg, 0, len);
        if (k > j) {
            System.arraycopy(t, j + 1, t, i, k - j);
            System.arraycopy(seg, 0, t, k - len + 1, len);
        } else {
            System.arraycopy(t, k + 1, t, k + 1 + len, i - k - 1);
            System.arraycopy(seg, 0, t, k + 1, len);
        }
    }
}
