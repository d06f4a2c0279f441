package dev.meshlens.synthetic;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.GroupMapping;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;
import dev.meshlens.engine.model.SlaTier;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.synthetic.format.CatalogCsvWriter;
import dev.meshlens.synthetic.format.ServicesCsvWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The S mesh, generated and written once, checked fact by fact against its own files and an independent resolver. */
class SmallMeshTest {
    private static final long SEED = 42;
    private static final Pattern TOPIC_LINE = Pattern.compile(
            "^Topic: [^\\t]+\\tTopicId: [A-Za-z0-9_-]{22}\\tPartitionCount: \\d+\\tReplicationFactor: \\d+"
                    + "\\tConfigs: .*$");
    private static final Pattern PARTITION_LINE = Pattern.compile(
            "^\\tTopic: [^\\t]+\\tPartition: \\d+\\tLeader: \\d+\\tReplicas: \\d+(,\\d+)*\\tIsr: \\d+(,\\d+)*"
                    + "\\tElr: \\tLastKnownElr: $");

    @TempDir
    static Path directory;

    private static SyntheticMesh mesh;
    private static MeshContent content;
    private static List<AclBinding> listedAcls;
    private static Set<AclResolver.Edge> edges;
    private static Lineage lineage;
    private static Map<String, String[]> catalogByTopic;

    @BeforeAll
    static void generateAndWrite() throws IOException {
        mesh = SyntheticMesh.generate(MeshSize.S, SEED);
        mesh.writeFiles(directory);
        MeshContent.Collector collector = new MeshContent.Collector();
        mesh.writeTo(collector);
        content = collector.content();
        listedAcls = KafkaAclText.parse(lines(SyntheticMesh.ACLS_FILE));
        edges = AclResolver.resolve(listedAcls, mesh.productTopics());
        lineage = new Lineage(edges);
        catalogByTopic = new HashMap<>();
        for (String[] row : csv(SyntheticMesh.CATALOG_FILE)) {
            catalogByTopic.put(row[1], row);
        }
    }

    @Test
    void sameSeedWritesByteIdenticalFiles(@TempDir Path again) throws IOException {
        List<Path> files = SyntheticMesh.generate(MeshSize.S, SEED).writeFiles(again);

        for (Path file : files) {
            assertThat(Files.mismatch(file, directory.resolve(file.getFileName().toString())))
                    .as(file.getFileName().toString()).isEqualTo(-1L);
        }
    }

    @Test
    void differentSeedWritesDifferentFiles(@TempDir Path other) throws IOException {
        List<Path> files = SyntheticMesh.generate(MeshSize.S, SEED + 1).writeFiles(other);

        for (Path file : files) {
            assertThat(Files.mismatch(file, directory.resolve(file.getFileName().toString())))
                    .as(file.getFileName().toString()).isNotEqualTo(-1L);
        }
    }

    @Test
    void aclListingHoldsExactlyTheBindingsStreamedToTheSink() {
        List<String> listed = listedAcls.stream().map(AclBinding::toString).sorted().toList();
        List<String> streamed = content.acls().stream().map(AclBinding::toString).sorted().toList();

        assertThat(listed).isEqualTo(streamed);
    }

    @Test
    void edgeCountOfTheGeneratorMatchesAnIndependentResolutionOfTheListing() {
        long reads = edges.stream().filter(e -> e.operation() == AclOperation.READ).count();

        assertThat(edges).hasSize((int) mesh.edgeCount());
        assertThat(reads).isEqualTo(mesh.readEdgeCount());
    }

    @Test
    void edgeCountIsWithinTenPercentOfTheTarget() {
        assertThat((double) edges.size()).isBetween(9_000.0, 11_000.0);
        assertThat(mesh.productCount()).isEqualTo(1_000);
    }

    @Test
    void aclsMixLiteralPrefixedWildcardAndDeny() {
        assertThat(listedAcls).anyMatch(b -> b.patternType() == PatternType.PREFIXED
                && b.resourceType() == ResourceType.TOPIC && b.permission() == AclPermission.ALLOW);
        assertThat(listedAcls).anyMatch(b -> b.isWildcardResource() && b.operation() == AclOperation.READ);
        assertThat(listedAcls).anyMatch(b -> b.principal().equals("User:*"));
        assertThat(listedAcls).anyMatch(b -> b.operation() == AclOperation.ALL);
        assertThat(listedAcls).anyMatch(b -> !b.host().equals("*"));
        long denies = listedAcls.stream().filter(b -> b.permission() == AclPermission.DENY).count();
        long literal = listedAcls.stream().filter(b -> b.patternType() == PatternType.LITERAL).count();
        assertThat(denies).isBetween(5L, listedAcls.size() / 50L);
        assertThat(literal).isGreaterThan(listedAcls.size() * 9L / 10);
    }

    @Test
    void longestChainIsAResolvedPathOfNineteenHops() {
        List<String> chain = mesh.longestChain();

        assertThat(chain).hasSize(20).doesNotHaveDuplicates();
        for (int i = 0; i + 1 < chain.size(); i++) {
            assertThat(lineage.feeds(chain.get(i), chain.get(i + 1))).as(chain.get(i) + " -> " + chain.get(i + 1))
                    .isTrue();
        }
    }

    @Test
    void designedCyclesCloseInResolvedLineage() {
        assertThat(mesh.cycles()).hasSizeGreaterThanOrEqualTo(3);
        for (List<String> cycle : mesh.cycles()) {
            for (int i = 0; i < cycle.size(); i++) {
                String from = cycle.get(i);
                String to = cycle.get((i + 1) % cycle.size());
                assertThat(lineage.feeds(from, to)).as(cycle + ": " + from + " -> " + to).isTrue();
            }
        }
    }

    @Test
    void bigFanOutProductHasTheMostResolvedReaders() {
        String big = mesh.bigFanOutProduct();
        int most = mesh.productTopics().stream().mapToInt(t -> lineage.readersOf(t).size()).max().orElseThrow();

        assertThat(lineage.readersOf(big)).hasSize(mesh.directConsumerCount(big)).hasSize(most);
        assertThat(most).isGreaterThan(100);
    }

    @Test
    void randomRootsAreAHundredDistinctProductsFixedBySeed() {
        assertThat(mesh.randomRoots()).hasSize(100).doesNotHaveDuplicates();
        assertThat(mesh.productTopics()).containsAll(mesh.randomRoots());
        assertThat(SyntheticMesh.generate(MeshSize.S, SEED).randomRoots()).isEqualTo(mesh.randomRoots());
        assertThat(SyntheticMesh.generate(MeshSize.S, SEED + 1).randomRoots()).isNotEqualTo(mesh.randomRoots());
    }

    @Test
    void catalogParsesAsRfc4180WithElevenColumnsAndValidTiers() throws IOException {
        List<String> lines = lines(SyntheticMesh.CATALOG_FILE);
        List<String[]> rows = csv(SyntheticMesh.CATALOG_FILE);

        assertThat(lines.get(0)).isEqualTo(CatalogCsvWriter.HEADER);
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(11));
        assertThat(rows).allSatisfy(row -> SlaTier.parse(row[4]));
        assertThat(rows).anyMatch(row -> row[0].contains("\"")).anyMatch(row -> row[7].contains(","));
        assertThat(rows.stream().map(row -> row[1]).distinct().count()).isEqualTo(rows.size());
    }

    @Test
    void catalogDescribesAboutNinetyFivePercentOfTopicsPlusSomeWithoutTopic() {
        Set<String> topics = new HashSet<>(mesh.productTopics());
        long registered = topics.stream().filter(catalogByTopic::containsKey).count();
        long withoutTopic = catalogByTopic.keySet().stream().filter(t -> !topics.contains(t)).count();

        assertThat((double) registered / topics.size()).isBetween(0.92, 0.98);
        assertThat(mesh.unregisteredTopics()).hasSize(topics.size() - (int) registered);
        assertThat(withoutTopic).isEqualTo(mesh.catalogEntriesWithoutTopic()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void catalogCarriesPiiFinancialDeprecatedGoldAndUndeclaredTiers() {
        List<String[]> rows = List.copyOf(catalogByTopic.values());

        assertThat(rows).anyMatch(row -> List.of(row[9].split(";")).contains("pii"));
        assertThat(rows).anyMatch(row -> List.of(row[9].split(";")).contains("financial"));
        assertThat(rows).anyMatch(row -> row[10].equals("deprecated"));
        assertThat(rows).anyMatch(row -> row[5].equals("gold"));
        assertThat(rows).anyMatch(row -> row[4].isEmpty());
        assertThat(rows.stream().map(row -> row[8]).distinct().count()).isEqualTo(20);
    }

    @Test
    void declaredTiersNeverImproveDownstreamExceptTheInjectedViolations() {
        Set<String> injected = Set.copyOf(mesh.tierViolations());
        List<String> broken = new ArrayList<>();
        lineage.writesByPrincipal().forEach((principal, written) -> {
            for (String input : lineage.readsByPrincipal().getOrDefault(principal, Set.of())) {
                for (String output : written) {
                    Integer from = declaredTier(input);
                    Integer to = declaredTier(output);
                    if (from != null && to != null && to < from && !injected.contains(output)) {
                        broken.add(input + " (" + from + ") -> " + output + " (" + to + ")");
                    }
                }
            }
        });

        assertThat(broken).isEmpty();
    }

    @Test
    void everyInjectedViolationDeclaresTierOneAndIsFedByADeclaredTierFour() {
        assertThat(mesh.tierViolations()).hasSizeGreaterThanOrEqualTo(3);
        for (String product : mesh.tierViolations()) {
            assertThat(declaredTier(product)).isEqualTo(1);
            boolean fedByTierFour = lineage.readsByPrincipal().entrySet().stream()
                    .filter(e -> lineage.writesByPrincipal().getOrDefault(e.getKey(), Set.of()).contains(product))
                    .flatMap(e -> e.getValue().stream())
                    .anyMatch(input -> Integer.valueOf(4).equals(declaredTier(input)));
            assertThat(fedByTierFour).as(product).isTrue();
        }
    }

    @Test
    void violatingServicesDeclareTierOneAndReadADeclaredTierFour() throws IOException {
        Map<String, String[]> services = csv(SyntheticMesh.SERVICES_FILE).stream()
                .collect(Collectors.toMap(row -> row[0], row -> row));

        assertThat(lines(SyntheticMesh.SERVICES_FILE).get(0)).isEqualTo(ServicesCsvWriter.HEADER);
        assertThat(mesh.tierViolatingServices()).isNotEmpty();
        for (String principal : mesh.tierViolatingServices()) {
            assertThat(services.get(principal)[3]).isEqualTo("1");
            assertThat(lineage.readsByPrincipal().get(principal))
                    .anyMatch(input -> Integer.valueOf(4).equals(declaredTier(input)));
        }
    }

    @Test
    void servicesSheetDeclaresAtMostAsStrongAsTheInputsAllowExceptViolators() throws IOException {
        Set<String> violators = Set.copyOf(mesh.tierViolatingServices());
        List<String> broken = new ArrayList<>();
        for (String[] row : csv(SyntheticMesh.SERVICES_FILE)) {
            if (row[3].isEmpty() || violators.contains(row[0])) {
                continue;
            }
            int tier = Integer.parseInt(row[3]);
            for (String input : lineage.readsByPrincipal().getOrDefault(row[0], Set.of())) {
                Integer inputTier = declaredTier(input);
                if (inputTier != null && inputTier > tier) {
                    broken.add(row[0] + " (" + tier + ") reads " + input + " (" + inputTier + ")");
                }
            }
        }

        assertThat(broken).isEmpty();
    }

    @Test
    void groupsAreUpToDateLaggingReplayingStoppedRebalancingAndNeverConsumed() {
        List<ConsumerGroup> groups = content.groups();

        assertThat(groups).hasSize(mesh.groupCount());
        assertThat(groups).anyMatch(g -> g.state() == GroupState.STABLE && !g.offsets().isEmpty()
                && g.offsets().stream().allMatch(o -> Long.valueOf(0).equals(o.lag())));
        assertThat(groups).anyMatch(g -> g.state() == GroupState.STABLE
                && g.offsets().stream().anyMatch(o -> o.lag() != null && o.lag() > 1_000));
        assertThat(groups).anyMatch(g -> g.state() == GroupState.STABLE
                && g.offsets().stream().anyMatch(o -> o.committedOffset() == null));
        assertThat(groups).anyMatch(g -> g.state() == GroupState.EMPTY && !g.offsets().isEmpty());
        assertThat(groups).anyMatch(g -> g.state() == GroupState.EMPTY && g.offsets().isEmpty());
        assertThat(groups).anyMatch(g -> g.state() == GroupState.PREPARING_REBALANCE);
    }

    @Test
    void everyGroupIsGrantedToOnePrincipalByGroupAclsOrByTheMappingSheet() {
        Map<String, String> mapped = content.groupMappings().stream()
                .collect(Collectors.toMap(GroupMapping::groupId, GroupMapping::principal));
        List<AclBinding> groupAcls = listedAcls.stream().filter(b -> b.resourceType() == ResourceType.GROUP
                && b.operation() == AclOperation.READ && b.permission() == AclPermission.ALLOW).toList();

        for (ConsumerGroup group : content.groups()) {
            Set<String> principals = groupAcls.stream().filter(b -> b.patternType() == PatternType.LITERAL
                    ? b.resourceName().equals(group.groupId()) : group.groupId().startsWith(b.resourceName()))
                    .map(AclBinding::principal).collect(Collectors.toSet());
            if (mapped.containsKey(group.groupId())) {
                assertThat(principals).as(group.groupId()).containsExactly("User:*");
            } else {
                assertThat(principals).as(group.groupId()).hasSize(1).doesNotContain("User:*");
            }
        }
        assertThat(mapped).isNotEmpty();
    }

    @Test
    void groupOffsetsViewPrintsOneRowPerShownPartitionAlignedUnderItsHeader() throws IOException {
        List<String> lines = lines(SyntheticMesh.GROUPS_FILE);
        long expectedRows = content.groups().stream().mapToLong(g -> g.state() == GroupState.EMPTY
                ? g.offsets().stream().filter(o -> o.committedOffset() != null).count()
                : g.offsets().stream().filter(o -> o.memberId() != null).count()).sum();

        long rows = 0;
        int[] columns = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                columns = null;
            } else if (columns == null) {
                assertThat(line).startsWith("GROUP ").endsWith(" CLIENT-ID");
                columns = starts(line);
                assertThat(columns).hasSize(9);
            } else {
                assertThat(starts(line)).as("line " + (i + 1)).isEqualTo(columns);
                rows++;
            }
        }
        assertThat(lines.get(0)).isEmpty();
        assertThat(rows).isEqualTo(expectedRows);
    }

    @Test
    void groupStateViewShowsEveryGroupWithKafkaStateNames() throws IOException {
        List<String> lines = lines(SyntheticMesh.GROUPS_STATE_FILE);

        assertThat(lines).hasSize(3 * mesh.groupCount());
        for (int i = 0; i < lines.size(); i += 3) {
            assertThat(lines.get(i)).isEmpty();
            assertThat(lines.get(i + 1)).matches("GROUP +COORDINATOR \\(ID\\) +ASSIGNMENT-STRATEGY  STATE {16}#MEMBERS");
            assertThat(lines.get(i + 2)).matches(
                    "\\S+ +broker-\\d+\\.synthetic\\.example:9092  \\(\\d+\\) +(range|cooperative-sticky|uniform|-) +"
                            + "(Stable|Empty|PreparingRebalance) +\\d+");
        }
    }

    @Test
    void topicsListingDescribesEveryProductTopicAndTheOffsetsTopic() throws IOException {
        List<String> lines = lines(SyntheticMesh.TOPICS_FILE);
        long topics = lines.stream().filter(l -> l.startsWith("Topic: ")).count();
        long partitions = content.topics().stream().mapToLong(t -> t.partitions()).sum();

        assertThat(topics).isEqualTo(mesh.productCount() + 1);
        assertThat(lines).hasSize((int) (topics + partitions));
        assertThat(lines).allMatch(l -> TOPIC_LINE.matcher(l).matches() || PARTITION_LINE.matcher(l).matches());
        assertThat(lines.get(0)).startsWith("Topic: __consumer_offsets\t");
    }

    @Test
    void sinkReceivesEverySourceTheFilesHold() {
        assertThat(content.sources()).containsExactlyInAnyOrder(SourceKind.ACLS, SourceKind.TOPICS, SourceKind.GROUPS,
                SourceKind.CATALOG, SourceKind.SERVICES, SourceKind.GROUP_MAPPING);
        assertThat(content.products()).hasSize(catalogByTopic.size());
        assertThat(content.topics()).hasSize(mesh.productCount() + 1);
    }

    @Test
    void groupsConsumingWithoutReadPermissionExist() {
        Set<String> readable = new HashSet<>();
        edges.stream().filter(e -> e.operation() == AclOperation.READ).forEach(e -> readable.add(e.principal()));
        Map<String, String> principalOfGroup = new HashMap<>();
        listedAcls.stream().filter(b -> b.resourceType() == ResourceType.GROUP && !b.principal().equals("User:*")
                && b.operation() == AclOperation.READ).forEach(b -> content.groups().stream()
                .filter(g -> b.patternType() == PatternType.LITERAL ? g.groupId().equals(b.resourceName())
                        : g.groupId().startsWith(b.resourceName()))
                .forEach(g -> principalOfGroup.put(g.groupId(), b.principal())));

        long withoutPermission = content.groups().stream().filter(g -> principalOfGroup.containsKey(g.groupId()))
                .filter(g -> g.offsets().stream().filter(o -> o.committedOffset() != null)
                        .map(PartitionOffset::topic).anyMatch(topic -> !lineage.readersOf(topic)
                                .contains(principalOfGroup.get(g.groupId())) && !lineage.readersOf(topic)
                                .contains("User:*")))
                .count();

        assertThat(withoutPermission).isPositive();
    }

    private static Integer declaredTier(String topic) {
        String[] row = catalogByTopic.get(topic);
        return row == null ? null : SlaTier.parse(row[4]);
    }

    /** Where each space-separated column starts. */
    private static int[] starts(String line) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) != ' ' && (i == 0 || line.charAt(i - 1) == ' ')) {
                starts.add(i);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<String> lines(String file) throws IOException {
        return Files.readAllLines(directory.resolve(file), StandardCharsets.UTF_8);
    }

    private static List<String[]> csv(String file) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> rows = mapper.readerFor(String[].class)
                .readValues(directory.resolve(file).toFile())) {
            List<String[]> all = rows.readAll();
            return all.subList(1, all.size());
        }
    }
}
