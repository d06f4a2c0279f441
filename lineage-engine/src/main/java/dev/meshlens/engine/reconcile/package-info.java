/**
 * Declared versus observed ({@link dev.meshlens.engine.reconcile.Reconciliation}): permissions nobody uses,
 * groups consuming without ACL, topics without writer, unregistered topics, catalog entries without topic and
 * deprecated products still in use. A finding whose sources were never imported is reported as not judged.
 */
package dev.meshlens.engine.reconcile;
