/**
 * The foundation every layer shares: the Worldmind home, the exception hierarchy and content
 * hashes. It depends on the JDK only; its types are immutable and thread-safe.
 */
package dev.worldmind.core;
