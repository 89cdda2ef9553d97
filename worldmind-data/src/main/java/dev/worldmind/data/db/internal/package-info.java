/**
 * JDBC plumbing that the stores share: connection and transaction helpers, instants, constraint
 * violations, compact JSON and lowercase enum names. Not API: only the data layer's own packages
 * use it. Stateless and thread-safe.
 */
package dev.worldmind.data.db.internal;
