/**
 * Schema migrations written in Java, for the steps SQL cannot do (e.g. computing name skeletons
 * with ICU); Flyway runs them in version order beside the SQL scripts in the same resource folder.
 * Internal to the data layer.
 */
package dev.worldmind.data.db.migration;
