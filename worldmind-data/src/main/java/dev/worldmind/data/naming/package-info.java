/**
 * What people may call themselves and write for others to read: text that shows what it holds (no
 * invisible, bidirectional or control characters) and names that cannot pass for another (Unicode
 * UTS #39 confusable skeletons, through ICU4J). Depends on core and ICU4J; every type is stateless
 * and thread-safe.
 */
package dev.worldmind.data.naming;
