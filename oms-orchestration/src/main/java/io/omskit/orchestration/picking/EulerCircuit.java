package io.omskit.orchestration.picking;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Hierholzer's walk of an Euler circuit, shared by the exact routers once they have chosen every edge to walk. */
final class EulerCircuit {

    private EulerCircuit() {
    }

    /**
     * The nodes of an Euler circuit from {@code start}, in reverse walking order (the last node walked first).
     *
     * @param adjacency for each node, its edges as {other node, edge id}; every edge listed at both ends
     * @param edges     how many edge ids there are
     */
    static List<Integer> reversed(List<List<int[]>> adjacency, int edges, int start) {
        boolean[] done = new boolean[edges];
        int[] next = new int[adjacency.size()];
        Deque<Integer> stack = new ArrayDeque<>();
        List<Integer> circuit = new ArrayList<>();
        stack.push(start);
        while (!stack.isEmpty()) {
            int v = stack.peek();
            List<int[]> out = adjacency.get(v);
            while (next[v] < out.size() && done[out.get(next[v])[1]]) {
                next[v]++;
            }
            if (next[v] == out.size()) {
                circuit.add(stack.pop());
            } else {
                int[] edge = out.get(next[v]);
                done[edge[1]] = true;
                stack.push(edge[0]);
            }
        }
        return circuit;
    }
}
