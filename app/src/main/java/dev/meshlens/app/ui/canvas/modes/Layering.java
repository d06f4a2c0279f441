package dev.meshlens.app.ui.canvas.modes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Columns for a graph with no focus to measure from (a diff): each node one column right of its furthest
 * predecessor, sources in column 0, so data flows left to right. Cycles are cut where a depth-first walk (nodes in
 * the given order) meets a node still on its path; the cut edge does not push its target right.
 */
public final class Layering {
    private Layering() {
    }

    /**
     * The column of every node.
     *
     * @param nodes the node ids, in a stable order
     * @param edges {@code [from, to]} pairs between those nodes
     * @return by node id, in {@code nodes} order
     */
    public static Map<String, Integer> longestPath(List<String> nodes, List<String[]> edges) {
        Map<String, List<String>> out = new HashMap<>();
        nodes.forEach(n -> out.put(n, new ArrayList<>()));
        for (String[] e : edges) {
            out.get(e[0]).add(e[1]);
        }
        Set<String> finished = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        Set<String> cut = new HashSet<>();
        List<String> postOrder = new ArrayList<>();
        for (String start : nodes) {
            if (finished.contains(start)) {
                continue;
            }
            ArrayDeque<String> path = new ArrayDeque<>();
            ArrayDeque<Iterator<String>> stack = new ArrayDeque<>();
            path.push(start);
            onPath.add(start);
            stack.push(out.get(start).iterator());
            while (!stack.isEmpty()) {
                Iterator<String> next = stack.peek();
                if (!next.hasNext()) {
                    stack.pop();
                    String done = path.pop();
                    onPath.remove(done);
                    finished.add(done);
                    postOrder.add(done);
                    continue;
                }
                String child = next.next();
                if (onPath.contains(child)) {
                    cut.add(path.peek() + "\u0000" + child);
                } else if (!finished.contains(child)) {
                    path.push(child);
                    onPath.add(child);
                    stack.push(out.get(child).iterator());
                }
            }
        }
        Collections.reverse(postOrder);
        Map<String, Integer> layer = new HashMap<>();
        for (String n : postOrder) {
            int here = layer.getOrDefault(n, 0);
            for (String m : out.get(n)) {
                if (!cut.contains(n + "\u0000" + m)) {
                    layer.merge(m, here + 1, Math::max);
                }
            }
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        nodes.forEach(n -> ordered.put(n, layer.getOrDefault(n, 0)));
        return ordered;
    }
}
