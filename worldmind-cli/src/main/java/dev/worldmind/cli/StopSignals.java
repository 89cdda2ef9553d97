package dev.worldmind.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the world server on SIGTERM and SIGINT before the JVM's exit begins, then exits with the
 * usual code (128 + the signal's number). A shutdown hook alone is not enough: ONNX Runtime
 * registers its own hook that frees its native environment, hooks run at the same time, and a model
 * still running then (a character's sentence embedding while the characters load) crashed the JVM
 * in libonnxruntime. Closing the server first waits for those runs and closes their sessions, so
 * the runtime's hook finds nothing running. Uses {@code sun.misc.Signal} (module {@code
 * jdk.unsupported}) by reflection, so the build's {@code -Werror} does not trip on an internal API;
 * where it is missing (or signals are reserved with {@code -Xrs}) the shutdown hook still stops the
 * server.
 */
final class StopSignals {
    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {}

    /**
     * Runs {@code stop} when the process gets SIGTERM or SIGINT, then exits.
     *
     * @param stop closes the server (it may run again from the shutdown hook: it must be
     *     idempotent)
     */
    static void install(Runnable stop) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Method handle = signal.getMethod("handle", signal, handlerType);
            Method number = signal.getMethod("getNumber");
            InvocationHandler onSignal =
                    (proxy, method, args) -> {
                        if (!method.getName().equals("handle")) {
                            return method.getName().equals("toString")
                                    ? "worldmind stop"
                                    : method.getName().equals("hashCode")
                                            ? System.identityHashCode(proxy)
                                            : proxy == args[0];
                        }
                        stop.run();
                        System.exit(128 + (int) number.invoke(args[0]));
                        return null;
                    };
            Object handler =
                    Proxy.newProxyInstance(
                            handlerType.getClassLoader(), new Class<?>[] {handlerType}, onSignal);
            for (String name : List.of("TERM", "INT")) {
                handle.invoke(null, signal.getConstructor(String.class).newInstance(name), handler);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("signals stay with the JVM's shutdown hook: {}", e.toString());
        }
    }
}
