package dev.meshlens.synthetic;

import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.GroupMapping;
import dev.meshlens.engine.model.Lifecycle;
import dev.meshlens.engine.model.ServiceInfo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What owners declare about a synthetic mesh: the catalog sheet (about 95 % of the topics, plus a few
 * announced products whose topic does not exist yet), the service sheet and the group mapping sheet.
 * Names, owners, descriptions, quality and tags are drawn per product from the seed; tiers come from the
 * topology so that lineage is honest except where violations were injected.
 */
final class CatalogPlan {
    static final String BOOTSTRAP_URI = "kafka://broker-1.synthetic.example:9092";

    private static final long SALT_CATALOG = 60;
    private static final long SALT_PHANTOMS = 61;

    private final Topology t;
    private final GroupPlan groups;
    /** Announced products without a topic, by topic name: {domain, entity}. */
    private final TreeMap<String, int[]> phantoms = new TreeMap<>();
    private final boolean[] violating;

    CatalogPlan(Topology topology, GroupPlan groups) {
        this.t = topology;
        this.groups = groups;
        violating = new boolean[t.services];
        for (int s : t.injectedServices) {
            violating[s] = true;
        }
        SplittableRandom rng = new SplittableRandom(Hash.of(t.seed, SALT_PHANTOMS, 0));
        int wanted = Math.max(2, t.products / 500);
        Set<String> existing = new HashSet<>(List.of(t.topics));
        for (int attempt = 0; phantoms.size() < wanted && attempt < 100 * wanted; attempt++) {
            int domain = rng.nextInt(t.domainNames.length);
            int entity = rng.nextInt(Vocabulary.ENTITIES.length);
            String topic = t.domainNames[domain] + "." + Vocabulary.ENTITIES[entity] + ".planned";
            if (!existing.contains(topic)) {
                phantoms.put(topic, new int[] {domain, entity});
            }
        }
    }

    /** Catalog entries announced before their topic exists. */
    int phantomCount() {
        return phantoms.size();
    }

    /** Every catalog entry in topic order, with the SLA cell as the sheet spells it. */
    void forEach(BiConsumer<DataProduct, String> sink) {
        var phantomIterator = phantoms.entrySet().iterator();
        var nextPhantom = phantomIterator.hasNext() ? phantomIterator.next() : null;
        for (int p : t.byName) {
            while (nextPhantom != null && nextPhantom.getKey().compareTo(t.topics[p]) < 0) {
                emitPhantom(nextPhantom.getKey(), nextPhantom.getValue(), sink);
                nextPhantom = phantomIterator.hasNext() ? phantomIterator.next() : null;
            }
            if (t.registered[p]) {
                DataProduct product = product(p);
                sink.accept(product, slaText(product.slaTier(), Hash.of(t.seed, SALT_CATALOG + 1, p)));
            }
        }
        while (nextPhantom != null) {
            emitPhantom(nextPhantom.getKey(), nextPhantom.getValue(), sink);
            nextPhantom = phantomIterator.hasNext() ? phantomIterator.next() : null;
        }
    }

    private void emitPhantom(String topic, int[] domainEntity, BiConsumer<DataProduct, String> sink) {
        long h = Hash.of(t.seed, SALT_PHANTOMS, topic.hashCode());
        String domain = t.domainNames[domainEntity[0]];
        String entity = Vocabulary.ENTITIES[domainEntity[1]];
        int tier = 1 + Hash.below(h, 4);
        DataProduct product = new DataProduct(Vocabulary.humanize(entity) + " (planned)", topic,
                SyntheticMesh.CLUSTER, BOOTSTRAP_URI, domain, Vocabulary.teamEmail(domain),
                "Announced by the " + domain + " team; the topic is not created yet.", tier,
                quality(tier, Hash.mix(h)), tags(domainEntity[0], Hash.mix(h + 1)), null, Lifecycle.ACTIVE);
        sink.accept(product, slaText(tier, Hash.mix(h + 2)));
    }

    DataProduct product(int p) {
        long h = Hash.of(t.seed, SALT_CATALOG, p);
        String domain = t.domainNames[t.domainOf[p]];
        String name;
        String description;
        String owner = Vocabulary.teamEmail(domain);
        String topic = t.topics[p];
        if (t.entityOf[p] < 0) {
            name = t.primaryWriter[p] == t.archiver ? "Archive manifests" : "Lake export of "
                    + t.domainNames[t.lakeDomains[t.primaryWriter[p]][0]];
            description = "Files the platform wrote to object storage, one record per file, for audits and replays.";
        } else {
            String entity = Vocabulary.ENTITIES[t.entityOf[p]];
            String event = Vocabulary.EVENTS[t.eventOf[p]];
            int dash = topic.lastIndexOf("-v");
            String version = dash > topic.lastIndexOf('.') ? " " + topic.substring(dash + 1) : "";
            name = Vocabulary.humanize(entity) + " " + event + version;
            if (Hash.unit(Hash.mix(h + 3)) < 0.005) {
                name = name + " (\"legacy\" feed)";
            }
            if (Hash.unit(Hash.mix(h + 4)) < 0.2) {
                owner = Vocabulary.teamEmail(domain + "-" + entity);
            }
            description = Vocabulary.humanize(entity) + " " + event + " in the " + domain + " domain, keyed by "
                    + entity.replace("-", "_") + "_id, " + Vocabulary.PURPOSES[Hash.below(h, Vocabulary.PURPOSES.length)]
                    + ".";
        }
        Integer tier = t.declaredTier[p] == 0 ? null : (int) t.declaredTier[p];
        String schema = Hash.unit(Hash.mix(h + 5)) < 0.85 ? "registry:" + topic + "-value" : null;
        String quality = quality(t.tier[p], Hash.mix(h + 6));
        return new DataProduct(name, topic, SyntheticMesh.CLUSTER, BOOTSTRAP_URI, domain, owner, description, tier,
                quality, tags(t.domainOf[p], Hash.mix(h + 7)), schema,
                t.deprecated[p] ? Lifecycle.DEPRECATED : Lifecycle.ACTIVE);
    }

    private static String quality(int tier, long h) {
        double u = Hash.unit(h);
        if (Hash.unit(Hash.mix(h)) < 0.02) {
            return null;
        }
        return switch (tier) {
            case 1 -> u < 0.7 ? "gold" : "silver";
            case 2 -> u < 0.4 ? "gold" : u < 0.9 ? "silver" : "bronze";
            case 3 -> u < 0.5 ? "silver" : "bronze";
            default -> u < 0.8 ? "bronze" : "silver";
        };
    }

    private List<String> tags(int domain, long h) {
        List<String> tags = new ArrayList<>(4);
        double u = Hash.unit(h);
        if (t.piiDomain[domain] ? u < 0.9 : u < 0.03) {
            tags.add("pii");
            if (Hash.unit(Hash.mix(h)) < 0.3) {
                tags.add("gdpr");
            }
        }
        if (t.financialDomain[domain] ? Hash.unit(Hash.mix(h + 1)) < 0.9 : Hash.unit(Hash.mix(h + 1)) < 0.02) {
            tags.add("financial");
        }
        int extra = Hash.below(Hash.mix(h + 2), 3);
        for (int i = 0; i < extra; i++) {
            String tag = Vocabulary.EXTRA_TAGS[Hash.below(Hash.mix(h + 3 + i), Vocabulary.EXTRA_TAGS.length)];
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return tags;
    }

    /** Sheets spell tiers {@code Tier 1} mostly, sometimes {@code T1} or {@code 1}; undeclared is empty. */
    private static String slaText(Integer tier, long h) {
        if (tier == null) {
            return "";
        }
        double u = Hash.unit(h);
        return u < 0.9 ? "Tier " + tier : u < 0.95 ? "T" + tier : tier.toString();
    }

    /** The services listed in {@code services.csv}, by principal. */
    void forEachService(Consumer<ServiceInfo> sink) {
        Integer[] order = new Integer[t.services];
        for (int s = 0; s < t.services; s++) {
            order[s] = s;
        }
        java.util.Arrays.sort(order, (a, b) -> t.serviceNames[a].compareTo(t.serviceNames[b]));
        for (int s : order) {
            if (t.listed[s]) {
                sink.accept(service(s));
            }
        }
    }

    ServiceInfo service(int s) {
        String team = t.domainNames[t.serviceDomain[s]];
        String name = Vocabulary.humanize(t.serviceNames[s]);
        boolean declared = Hash.unit(Hash.of(t.seed, SALT_CATALOG + 2, s)) >= 0.03;
        Integer tier = declared || violating[s] ? Integer.valueOf(t.serviceTier[s]) : null;
        return new ServiceInfo(t.principal(s), name, Vocabulary.teamEmail(team), tier, t.production[s]);
    }

    /** The mappings of groups that GROUP ACLs cannot tie to one principal (the legacy batch groups). */
    void forEachMapping(Consumer<GroupMapping> sink) {
        for (GroupPlan.GroupRef ref : groups.groups()) {
            if (ref.kind() == GroupPlan.LEGACY) {
                sink.accept(new GroupMapping(ref.groupId(), t.principal(ref.service())));
            }
        }
    }
}
