/**
 * The registry's files on disk, not API: version folders (staged whole and renamed into place,
 * listed by number, their manifests read with a format check) and each model's alias file. Depends
 * on core's JSON and the registry's records; every method is stateless over the folders it is given
 * and safe across threads and processes.
 */
package dev.worldmind.model.registry.internal;
