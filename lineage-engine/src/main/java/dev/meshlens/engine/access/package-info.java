/**
 * Sensitive-data reach ({@link dev.meshlens.engine.access.SensitiveReach}): who can read the products carrying a
 * tag such as PII, directly or through derived products, by which path, and with which red flags (no group, not
 * registered, no ACL).
 */
package dev.meshlens.engine.access;
