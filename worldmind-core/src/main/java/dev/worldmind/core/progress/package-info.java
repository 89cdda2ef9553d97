/**
 * Progress reporting for long work, independent of how it is shown. Depends on the JDK only;
 * monitors are used from one thread at a time.
 */
package dev.worldmind.core.progress;
