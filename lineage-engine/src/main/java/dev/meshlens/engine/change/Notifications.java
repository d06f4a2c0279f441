package dev.meshlens.engine.change;

import dev.meshlens.engine.lineage.GroupNode;
import dev.meshlens.engine.lineage.ServiceNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a change impact into the list of people to notify: one row per owner and node.
 * <ul>
 *   <li>A direct consumer is one row however many groups it consumes with; its reason lists each group and its
 *       state. A service that is both a direct consumer and downstream is one row, at depth 1.</li>
 *   <li>Owners are compared trimmed and ignoring case, and every row of one owner carries the spelling of that
 *       owner's first row (nearest node first), so {@code Team-A@x} and {@code team-a@x } are one owner.</li>
 *   <li>Nodes without an owner are kept with a null owner: someone still has to find out who runs them.</li>
 * </ul>
 * Rows are ordered by owner (case ignored, none last), tier (1 first, undeclared last), depth, kind and name.
 */
public final class Notifications {
    private static final Comparator<Notification> ORDER = Comparator
            .comparing(Notification::owner, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
            .thenComparing(Notification::tier, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(Notification::depth)
            .thenComparing(Notification::kind)
            .thenComparing(Notification::name);

    private Notifications() {
    }

    /** The rows of {@code impact}, deduplicated and ordered as the class description says. */
    public static List<Notification> of(ChangeImpact impact) {
        Map<String, Notification> byNode = new LinkedHashMap<>();
        Map<String, List<AffectedConsumer>> direct = new LinkedHashMap<>();
        for (AffectedConsumer c : impact.directConsumers()) {
            String key = c.principal() != null ? key(ServiceNode.KIND, c.principal()) : key(GroupNode.KIND, c.group());
            direct.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        direct.forEach((key, rows) -> {
            AffectedConsumer first = rows.get(0);
            boolean named = first.principal() != null;
            byNode.put(key, new Notification(first.owner(), named ? ServiceNode.KIND : GroupNode.KIND,
                    named ? first.principal() : first.group(), first.tier(), 1,
                    "reads " + impact.product() + " directly (" + rows.stream().map(Notifications::use)
                            .collect(Collectors.joining("; ")) + ")"));
        });
        for (AffectedNode node : impact.downstream()) {
            byNode.putIfAbsent(key(node.kind(), node.name()), new Notification(node.owner(), node.kind(), node.name(),
                    node.tier(), node.depth(), node.kind().equals("product")
                    ? "derived from " + impact.product() + " (depth " + node.depth() + ")"
                    : "reads data derived from " + impact.product() + " (depth " + node.depth() + ")"));
        }
        return sameOwnerSpelling(byNode.values().stream()
                .sorted(Comparator.comparingInt(Notification::depth).thenComparing(Notification::kind)
                        .thenComparing(Notification::name)).toList());
    }

    private static List<Notification> sameOwnerSpelling(List<Notification> nearestFirst) {
        Map<String, String> spelling = new HashMap<>();
        List<Notification> rows = new ArrayList<>();
        for (Notification n : nearestFirst) {
            String owner = n.owner() == null || n.owner().isBlank() ? null
                    : spelling.computeIfAbsent(n.owner().trim().toLowerCase(Locale.ROOT), k -> n.owner().trim());
            rows.add(new Notification(owner, n.kind(), n.name(), n.tier(), n.depth(), n.reason()));
        }
        rows.sort(ORDER);
        return List.copyOf(rows);
    }

    private static String use(AffectedConsumer c) {
        String group = c.group() == null ? "no group" : "group " + c.group();
        return group + ": " + c.state().label() + (c.lag() == null ? "" : ", lag " + c.lag());
    }

    private static String key(String kind, String name) {
        return kind + "\u0000" + name;
    }
}
