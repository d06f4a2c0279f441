package dev.meshlens.synthetic;

import java.util.Locale;
import java.util.Set;

/** The words synthetic names are made of, so that names read like a real mesh's. */
final class Vocabulary {
    private Vocabulary() {
    }

    /** Domains; the first two are always present so that every mesh has PII and financial data. */
    static final String[] DOMAINS = {"customer", "payments", "sales", "logistics", "inventory", "marketing",
        "analytics", "finance", "risk", "identity", "catalog", "pricing", "search", "support", "billing", "shipping",
        "returns", "loyalty", "ads", "content", "media", "telemetry", "hr", "legal", "compliance", "procurement",
        "supply", "manufacturing", "quality", "maintenance", "fleet", "energy", "trading", "treasury", "lending",
        "insurance", "claims", "membership", "subscriptions", "notifications", "messaging", "booking", "travel",
        "ticketing", "gaming", "social", "reviews", "partners", "vendors", "warehouse", "checkout", "sessions",
        "clickstream", "fraud", "recommendations", "iot", "accounting", "tax", "crm", "security"};

    /** The domain of the platform team: the data lake exports and the archive live there. */
    static final String PLATFORM = "platform";

    /** Suffixes that make further domains once the base words are used up. */
    static final String[] REGIONS = {"-emea", "-amer", "-apac"};

    static final Set<String> PII_DOMAINS = Set.of("customer", "identity", "hr", "support", "loyalty", "membership",
            "sessions", "clickstream", "crm", "social");

    static final Set<String> FINANCIAL_DOMAINS = Set.of("payments", "finance", "billing", "trading", "treasury",
            "lending", "insurance", "claims", "accounting", "tax");

    static final String[] ENTITIES = {"orders", "refunds", "invoices", "profiles", "addresses", "consents", "carts",
        "products", "prices", "promotions", "coupons", "shipments", "parcels", "deliveries", "stock-levels",
        "reservations", "accounts", "transactions", "ledger-entries", "balances", "transfers", "loans", "policies",
        "quotes", "plans", "renewals", "tickets", "messages", "emails", "devices", "readings", "alerts", "incidents",
        "vehicles", "routes", "trips", "bookings", "ratings", "searches", "campaigns", "impressions", "leads",
        "contracts", "suppliers", "purchase-orders", "employees", "timesheets", "audits", "risk-scores",
        "fraud-signals", "documents", "listings", "bids", "users", "clicks", "page-views", "payouts", "chargebacks",
        "disputes", "segments", "forecasts", "returns", "tasks", "cases"};

    static final String[] EVENTS = {"created", "updated", "deleted", "placed", "validated", "enriched", "approved",
        "rejected", "cancelled", "completed", "settled", "scored", "aggregated", "snapshot", "changelog", "requested",
        "dispatched", "received", "expired", "archived", "flagged", "matched", "reconciled", "published", "hourly",
        "daily", "latest", "raw", "cleaned", "joined"};

    static final String[] SOURCE_ROLES = {"ingestor", "connector", "gateway", "importer", "cdc"};

    static final String[] PROCESSOR_ROLES = {"enricher", "validator", "aggregator", "router", "joiner", "normalizer",
        "deduplicator", "scorer", "projector", "reconciler", "splitter", "mapper", "filter", "publisher",
        "materializer"};

    static final String[] SINK_ROLES = {"dashboard", "reporting", "indexer", "notifier", "loader", "exporter",
        "monitor", "trainer", "auditor", "api-cache", "search-sync", "sink"};

    static final String[] EXTRA_TAGS = {"orders", "ml", "audit", "external", "reference", "realtime", "batch",
        "kpi", "join"};

    static final String[] PURPOSES = {"for downstream analytics", "for the operational dashboards",
        "for real-time decisions", "for the monthly close", "for partners", "for machine learning features",
        "for regulatory reporting", "for customer-facing APIs"};

    static final String ORGANISATION = "mesh.example";

    /** {@code stock-levels} becomes {@code Stock levels}. */
    static String humanize(String words) {
        String spaced = words.replace('-', ' ');
        return spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
    }

    static String teamEmail(String team) {
        return team + "-team@" + ORGANISATION;
    }
}
