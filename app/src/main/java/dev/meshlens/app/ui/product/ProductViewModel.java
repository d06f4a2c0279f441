package dev.meshlens.app.ui.product;

import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.app.ui.service.ConsumerRow;
import dev.meshlens.app.ui.service.ConsumerState;
import dev.meshlens.app.ui.service.LinkedProduct;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.app.ui.service.ProducerRow;
import dev.meshlens.app.ui.service.TopicFacts;
import dev.meshlens.app.ui.service.UpstreamTier;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.schema.SchemaDiff;
import dev.meshlens.engine.schema.SchemaField;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A product page: the product's metadata and address, its schema versions with a field view and a diff, who
 * produces and consumes it, and its tier against the weakest tier upstream. Follows the snapshot being viewed:
 * {@link #setCatalog(LoadedCatalog)} re-reads everything as of the new snapshot.
 */
public final class ProductViewModel {
    private final String topic;
    private final String productName;
    private final SchemaFieldReader schemaReader;
    private final Consumer<String> clipboard;
    private final ProductActions actions;
    private final ZoneId zone;

    private final ReadOnlyObjectWrapper<LoadedCatalog> catalog = new ReadOnlyObjectWrapper<>(this, "catalog");
    private final ReadOnlyObjectWrapper<DataProduct> product = new ReadOnlyObjectWrapper<>(this, "product");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper absentMessage = new ReadOnlyStringWrapper(this, "absentMessage", "");
    private final ReadOnlyBooleanWrapper historical = new ReadOnlyBooleanWrapper(this, "historical");
    private final ObservableList<MetadataRow> metadata = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper bootstrapUri = new ReadOnlyStringWrapper(this, "bootstrapUri", "");
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper(this, "address", "");

    private final ObservableList<SchemaVersion> versions = FXCollections.observableArrayList();
    private final ObjectProperty<SchemaVersion> selectedVersion = new SimpleObjectProperty<>(this, "selectedVersion");
    private final ObservableList<SchemaField> fields = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper schemaMessage = new ReadOnlyStringWrapper(this, "schemaMessage", "");
    private final ObjectProperty<SchemaVersion> diffLeft = new SimpleObjectProperty<>(this, "diffLeft");
    private final ObjectProperty<SchemaVersion> diffRight = new SimpleObjectProperty<>(this, "diffRight");
    private final ObservableList<SchemaDiff.Row> diff = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper diffSummary = new ReadOnlyStringWrapper(this, "diffSummary", "");

    private final ObservableList<ProducerRow> producers = FXCollections.observableArrayList();
    private final ObservableList<ConsumerRow> consumers = FXCollections.observableArrayList();
    private final ObservableList<LinkedProduct> upstream = FXCollections.observableArrayList();
    private final ObservableList<LinkedProduct> downstream = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper consumerSummary = new ReadOnlyStringWrapper(this, "consumerSummary", "");

    private final ReadOnlyStringWrapper tierText = new ReadOnlyStringWrapper(this, "tierText", "");
    private final ReadOnlyStringWrapper upstreamTierText = new ReadOnlyStringWrapper(this, "upstreamTierText", "");
    private final ReadOnlyStringWrapper tierWarning = new ReadOnlyStringWrapper(this, "tierWarning", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");

    /**
     * @param product   the product to show; the page follows it by topic and name across snapshots
     * @param clipboard receives text the user copies (the view puts it on the system clipboard)
     * @param actions   what the lineage and breaking-change buttons do
     * @param zone      the zone times are written in
     */
    public ProductViewModel(DataProduct product, SchemaFieldReader schemaReader, Consumer<String> clipboard,
                            ProductActions actions, ZoneId zone) {
        this.topic = product.topic();
        this.productName = product.name();
        this.schemaReader = Objects.requireNonNull(schemaReader);
        this.clipboard = Objects.requireNonNull(clipboard);
        this.actions = Objects.requireNonNull(actions);
        this.zone = Objects.requireNonNull(zone);
        this.title.set(product.name());
        selectedVersion.addListener((obs, old, now) -> showFields(now));
        diffLeft.addListener((obs, old, now) -> showDiff());
        diffRight.addListener((obs, old, now) -> showDiff());
    }

    /** The topic that identifies the page's product. */
    public String topic() {
        return topic;
    }

    /** Whether this page shows {@code other} (same topic and name). */
    public boolean shows(DataProduct other) {
        return topic.equals(other.topic()) && productName.equals(other.name());
    }

    /** Re-reads the page from {@code loaded}, e.g. after the user picked another snapshot. */
    public void setCatalog(LoadedCatalog loaded) {
        catalog.set(loaded);
        historical.set(loaded.historical());
        notice.set("");
        DataProduct found = loaded.products().stream()
                .filter(p -> p.topic().equals(topic) && p.name().equals(productName)).findFirst()
                .orElseGet(() -> loaded.products().stream().filter(p -> p.topic().equals(topic)).findFirst()
                        .orElse(null));
        product.set(found);
        if (found == null) {
            absentMessage.set("'" + productName + "' (" + topic + ") is not in the catalog as of snapshot #"
                    + loaded.snapshot().id() + " (" + Formats.dateTime(loaded.snapshot().takenAt(), zone) + ").");
            clearAll();
            return;
        }
        absentMessage.set("");
        title.set(found.name());
        TopicFacts facts = loaded.facts(topic);
        showMetadata(found, loaded);
        showSchemas(loaded.schemaVersions(SchemaSubjects.subjectOf(found)), found);
        producers.setAll(facts.producers());
        consumers.setAll(facts.consumers());
        upstream.setAll(loaded.linked(facts.upstreamTopics()));
        downstream.setAll(loaded.linked(facts.downstreamTopics()));
        consumerSummary.set(summarize(facts.consumers()));
        showTiers(found, facts.worstUpstream());
    }

    private void clearAll() {
        metadata.clear();
        versions.clear();
        fields.clear();
        diff.clear();
        producers.clear();
        consumers.clear();
        upstream.clear();
        downstream.clear();
        bootstrapUri.set("");
        address.set("");
        schemaMessage.set("");
        diffSummary.set("");
        consumerSummary.set("");
        tierText.set("");
        upstreamTierText.set("");
        tierWarning.set("");
    }

    private void showMetadata(DataProduct p, LoadedCatalog loaded) {
        List<MetadataRow> rows = new ArrayList<>();
        rows.add(new MetadataRow("Name", p.name()));
        rows.add(new MetadataRow("Topic", p.topic()));
        rows.add(new MetadataRow("Domain", Formats.orNone(p.domain())));
        rows.add(new MetadataRow("Owner", Formats.orNone(p.owner())));
        rows.add(new MetadataRow("Description", Formats.orNone(p.description())));
        rows.add(new MetadataRow("SLA tier", Formats.tier(p.slaTier())));
        rows.add(new MetadataRow("Quality", Formats.orNone(p.quality())));
        rows.add(new MetadataRow("Tags", p.tags().isEmpty() ? Formats.NONE : String.join(", ", p.tags())));
        rows.add(new MetadataRow("Lifecycle", p.lifecycle() == dev.meshlens.engine.model.Lifecycle.DEPRECATED
                ? "Deprecated" : "Active"));
        rows.add(new MetadataRow("Cluster", Formats.orNone(p.cluster() != null ? p.cluster()
                : loaded.state().cluster())));
        rows.add(new MetadataRow("Schema", Formats.orNone(p.schemaUri())));
        boolean topicListed = loaded.topicKnown(p.topic());
        if (loaded.state().has(SourceKind.TOPICS)) {
            rows.add(new MetadataRow("Topic status", topicListed ? "Exists in the cluster"
                    : "Missing: no such topic in the imported topic listing"));
        }
        metadata.setAll(rows);
        bootstrapUri.set(Formats.orNone(p.bootstrapUri()));
        address.set(p.bootstrapUri() == null || p.bootstrapUri().isBlank() ? p.topic()
                : p.bootstrapUri() + " \u00b7 " + p.topic());
    }

    private void showSchemas(List<SchemaVersion> found, DataProduct p) {
        SchemaVersion previouslySelected = selectedVersion.get();
        versions.setAll(found);
        if (found.isEmpty()) {
            selectedVersion.set(null);
            fields.clear();
            diffLeft.set(null);
            diffRight.set(null);
            schemaMessage.set("No schema registered for subject " + SchemaSubjects.subjectOf(p)
                    + (p.schemaUri() == null || p.schemaUri().isBlank() ? " (the catalog declares no schema)." : "."));
            return;
        }
        SchemaVersion newest = found.get(found.size() - 1);
        SchemaVersion keep = previouslySelected == null ? null : found.stream()
                .filter(v -> v.version() == previouslySelected.version()).findFirst().orElse(null);
        selectedVersion.set(keep != null ? keep : newest);
        showFields(selectedVersion.get());
        diffRight.set(newest);
        diffLeft.set(found.size() > 1 ? found.get(found.size() - 2) : newest);
        showDiff();
    }

    private void showFields(SchemaVersion version) {
        if (version == null) {
            fields.clear();
            return;
        }
        try {
            fields.setAll(schemaReader.read(version));
            schemaMessage.set(fields.isEmpty() ? "Version " + version.version() + " declares no fields." : "");
        } catch (RuntimeException e) {
            // an InputException names subject, version and line; other failures say what is unknown
            fields.clear();
            schemaMessage.set(e.getMessage());
        }
    }

    private void showDiff() {
        SchemaVersion left = diffLeft.get();
        SchemaVersion right = diffRight.get();
        if (left == null || right == null) {
            diff.clear();
            diffSummary.set("");
            return;
        }
        try {
            SchemaDiff result = SchemaDiff.of(schemaReader.read(left), schemaReader.read(right));
            diff.setAll(result.rows());
            List<String> parts = new ArrayList<>();
            if (!result.added().isEmpty()) {
                parts.add(result.added().size() + " added");
            }
            if (!result.removed().isEmpty()) {
                parts.add(result.removed().size() + " removed");
            }
            if (!result.changed().isEmpty()) {
                parts.add(result.changed().size() + " changed");
            }
            diffSummary.set(left.version() == right.version() ? "Pick two different versions to compare."
                    : parts.isEmpty() ? "Versions " + left.version() + " and " + right.version()
                    + " have the same fields."
                    : "Version " + left.version() + " \u2192 " + right.version() + ": " + String.join(", ", parts));
        } catch (RuntimeException e) {
            diff.clear();
            diffSummary.set(e.getMessage());
        }
    }

    private static String summarize(List<ConsumerRow> rows) {
        if (rows.isEmpty()) {
            return "Nobody reads this topic: no READ permission and no consumer group.";
        }
        Map<ConsumerState, Long> byState = rows.stream().collect(Collectors.groupingBy(ConsumerRow::state,
                () -> new EnumMap<>(ConsumerState.class), Collectors.counting()));
        return Formats.count(rows.size(), "consumer", "consumers") + ": " + byState.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private void showTiers(DataProduct p, UpstreamTier upstream) {
        tierText.set(Formats.tier(p.slaTier()));
        if (upstream == null) {
            upstreamTierText.set("No upstream product declares a tier");
            tierWarning.set("");
            return;
        }
        upstreamTierText.set(Formats.tier(upstream.tier()) + (upstream.path().size() > 1
                ? " via " + String.join(" \u2192 ", upstream.path()) : ""));
        if (upstream.isViolatedBy(p.slaTier())) {
            tierWarning.set("Promises " + Formats.tier(p.slaTier()) + " but depends on "
                    + upstream.path().get(0) + " (" + Formats.tier(upstream.tier())
                    + "): a product cannot promise more than its upstream can give.");
        } else {
            tierWarning.set("");
        }
    }

    /**
     * Copies the consumers' contacts (declared owners, one per team) to the clipboard, separated by commas so
     * they paste into a mail client; {@link #noticeProperty()} says how many and who has no declared owner.
     *
     * @return the text copied, empty when no consumer declares an owner
     */
    public String copyConsumerContacts() {
        Set<String> contacts = new LinkedHashSet<>();
        List<String> withoutOwner = new ArrayList<>();
        for (ConsumerRow c : consumers) {
            if (c.owner() != null && !c.owner().isBlank()) {
                contacts.add(c.owner().trim());
            } else {
                withoutOwner.add(c.principal() != null ? c.principal() : "group " + c.group());
            }
        }
        String text = String.join(", ", contacts);
        if (!contacts.isEmpty()) {
            clipboard.accept(text);
        }
        String copied = contacts.isEmpty() ? "No consumer declares an owner; nothing copied."
                : "Copied " + Formats.count(contacts.size(), "contact", "contacts") + ".";
        notice.set(withoutOwner.isEmpty() ? copied
                : copied + " Without a declared owner: " + String.join(", ", withoutOwner) + ".");
        return text;
    }

    /** Copies the product's address (bootstrap URI and topic) to the clipboard. */
    public void copyAddress() {
        DataProduct p = product.get();
        if (p != null) {
            clipboard.accept(p.bootstrapUri() == null || p.bootstrapUri().isBlank() ? p.topic()
                    : p.bootstrapUri() + " " + p.topic());
            notice.set("Copied the address of " + p.topic() + ".");
        }
    }

    /** Opens the page of a product linked upstream or downstream, when a catalog entry describes it. */
    public void open(LinkedProduct linked) {
        LoadedCatalog loaded = catalog.get();
        if (linked != null && loaded != null) {
            loaded.productOn(linked.topic()).ifPresent(actions::open);
        }
    }

    /** Shows the product's lineage. */
    public void showLineage() {
        if (product.get() != null) {
            actions.showLineage(product.get(), catalog.get());
        }
    }

    /** Starts planning a breaking change to the product. */
    public void planBreakingChange() {
        if (product.get() != null) {
            actions.planBreakingChange(product.get(), catalog.get());
        }
    }

    /** The product as of the snapshot viewed, or null when it is not in that snapshot. */
    public ReadOnlyObjectProperty<DataProduct> productProperty() {
        return product.getReadOnlyProperty();
    }

    /** The catalog the page shows. */
    public ReadOnlyObjectProperty<LoadedCatalog> catalogProperty() {
        return catalog.getReadOnlyProperty();
    }

    /** The product's name, for the tab. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Why the page is empty (the product is not in the snapshot viewed); empty when it is shown. */
    public ReadOnlyStringProperty absentMessageProperty() {
        return absentMessage.getReadOnlyProperty();
    }

    /** Whether the page shows an older snapshot than the newest. */
    public ReadOnlyBooleanProperty historicalProperty() {
        return historical.getReadOnlyProperty();
    }

    /** Every metadata line, undeclared ones included as {@code —}. */
    public ObservableList<MetadataRow> metadata() {
        return metadata;
    }

    /** The bootstrap URI, or {@code —}. */
    public ReadOnlyStringProperty bootstrapUriProperty() {
        return bootstrapUri.getReadOnlyProperty();
    }

    /** {@code kafka://broker:9092 · topic}: where to connect to read the product. */
    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    /** The registered schema versions, oldest first. */
    public ObservableList<SchemaVersion> versions() {
        return versions;
    }

    /** The version whose fields are shown; the newest at first. */
    public ObjectProperty<SchemaVersion> selectedVersionProperty() {
        return selectedVersion;
    }

    /** The fields of the selected version. */
    public ObservableList<SchemaField> fields() {
        return fields;
    }

    /** Why no fields are shown (no schema, unparseable), or empty. */
    public ReadOnlyStringProperty schemaMessageProperty() {
        return schemaMessage.getReadOnlyProperty();
    }

    /** The older side of the diff; the second newest version at first. */
    public ObjectProperty<SchemaVersion> diffLeftProperty() {
        return diffLeft;
    }

    /** The newer side of the diff; the newest version at first. */
    public ObjectProperty<SchemaVersion> diffRightProperty() {
        return diffRight;
    }

    /** The side-by-side diff rows. */
    public ObservableList<SchemaDiff.Row> diff() {
        return diff;
    }

    /** {@code Version 2 → 3: 1 added, 1 type changed}. */
    public ReadOnlyStringProperty diffSummaryProperty() {
        return diffSummary.getReadOnlyProperty();
    }

    /** Who writes the topic. */
    public ObservableList<ProducerRow> producers() {
        return producers;
    }

    /** Who reads the topic, with evidence, group, lag and state. */
    public ObservableList<ConsumerRow> consumers() {
        return consumers;
    }

    /** The topics this one is derived from, nearest first. */
    public ObservableList<LinkedProduct> upstream() {
        return upstream;
    }

    /** The topics derived from this one, nearest first. */
    public ObservableList<LinkedProduct> downstream() {
        return downstream;
    }

    /** {@code 5 consumers: 3 up to date, 1 lagging, 1 stopped}. */
    public ReadOnlyStringProperty consumerSummaryProperty() {
        return consumerSummary.getReadOnlyProperty();
    }

    /** The product's own tier, e.g. {@code Tier 1}. */
    public ReadOnlyStringProperty tierTextProperty() {
        return tierText.getReadOnlyProperty();
    }

    /** The weakest tier upstream and the path to it. */
    public ReadOnlyStringProperty upstreamTierTextProperty() {
        return upstreamTierText.getReadOnlyProperty();
    }

    /** A warning when the product promises more than its upstream can give; empty otherwise. */
    public ReadOnlyStringProperty tierWarningProperty() {
        return tierWarning.getReadOnlyProperty();
    }

    /** The outcome of the last copy action, for a transient message. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
