package dev.worldmind.core.plugin;

import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Loads the implementations of a service interface named in {@code META-INF/services} files,
 * built-in ones first. {@link ServiceLoader} alone returns them in class-path order, so a plugin
 * jar (or a test's classes) ahead of Worldmind's own would come first and change what listings and
 * defaults show; here the ones from the jar that declares the service keep its services file's
 * order and the others follow in class-path order.
 */
public final class Plugins {
    private Plugins() {}

    /**
     * Loads every implementation by name.
     *
     * @param service the service interface
     * @param name an implementation's unique name
     * @param <T> the service type
     * @return the implementations by name, built-in ones first; unmodifiable
     * @throws IllegalStateException if two implementations have the same name
     */
    public static <T> Map<String, T> byName(Class<T> service, Function<T, String> name) {
        Map<String, T> out = new LinkedHashMap<>();
        for (T t : load(service)) {
            T before = out.putIfAbsent(name.apply(t), t);
            if (before != null) {
                throw new IllegalStateException(
                        "two "
                                + service.getSimpleName()
                                + " plugins are called "
                                + name.apply(t)
                                + ": "
                                + before.getClass().getName()
                                + ", "
                                + t.getClass().getName());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Loads every implementation, built-in ones (those in the service interface's own jar or class
     * folder) first.
     *
     * @param service the service interface
     * @param <T> the service type
     * @return the implementations
     */
    public static <T> List<T> load(Class<T> service) {
        URL home = location(service);
        List<T> builtIn = new ArrayList<>();
        List<T> plugins = new ArrayList<>();
        for (T t : ServiceLoader.load(service, service.getClassLoader())) {
            (Objects.equals(location(t.getClass()), home) ? builtIn : plugins).add(t);
        }
        builtIn.addAll(plugins);
        return builtIn;
    }

    private static URL location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }
}
