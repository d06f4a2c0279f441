/**
 * SLA tier chains ({@link dev.meshlens.engine.tiers.TierChains}): a product or service cannot promise a better
 * tier than the worst tier declared upstream of it. Violations carry the limiting path, as node names from the
 * violating node upstream to the node that caps it; nodes without a declared tier are reported, never passed; a
 * production policy can require a minimum upstream tier for production services.
 */
package dev.meshlens.engine.tiers;
