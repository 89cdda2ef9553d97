/**
 * The {@code worldmind} command line (picocli): start, train, evaluate, predict, models and data.
 * Depends on the application layer and, at run time, on the PyTorch engine. Commands run on the
 * calling thread and are not meant to be shared between threads.
 */
package dev.worldmind.cli;
