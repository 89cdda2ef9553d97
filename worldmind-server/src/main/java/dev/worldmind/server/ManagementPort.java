package dev.worldmind.server;

import dev.worldmind.server.config.ManagementConfig;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The management port: Prometheus's {@code GET /metrics} and nothing else, on its own small Jetty
 * server, so that JVM, model and serving detail never reach the public port. Close it to stop.
 */
final class ManagementPort implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    private ManagementPort(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** A new meter registry with the JVM's memory, thread and processor meters bound. */
    static PrometheusMeterRegistry meters() {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        return meters;
    }

    /**
     * Starts the management port.
     *
     * @param config where to listen; its port must be set
     * @param meters the meters to show
     * @return the running port
     */
    static ManagementPort start(ManagementConfig config, PrometheusMeterRegistry meters) {
        // One scraper every few seconds: a handful of threads is plenty
        QueuedThreadPool threads = new QueuedThreadPool(6, 2);
        threads.setName("worldmind-management");
        threads.setDaemon(true);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(config.host());
        connector.setPort(config.port().orElseThrow());
        server.addConnector(connector);
        server.setHandler(new Scrape(meters));
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new dev.worldmind.core.WorldmindException(
                    "cannot open the management port "
                            + config.host()
                            + ":"
                            + config.port().getAsInt()
                            + ": "
                            + e.getMessage(),
                    e);
        }
        return new ManagementPort(server, connector);
    }

    /** The port it listens on (useful with port 0). */
    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(ManagementPort.class)
                    .warn("stopping the management port failed: {}", e.toString());
        }
    }

    /** Answers {@code GET /metrics} in Prometheus's text format; everything else is 404. */
    private static final class Scrape extends Handler.Abstract.NonBlocking {
        private final PrometheusMeterRegistry meters;

        Scrape(PrometheusMeterRegistry meters) {
            this.meters = meters;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            if (!path.equals("/metrics") || !request.getMethod().equals("GET")) {
                Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                return true;
            }
            response.getHeaders()
                    .put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(
                    true,
                    ByteBuffer.wrap(meters.scrape().getBytes(StandardCharsets.UTF_8)),
                    callback);
            return true;
        }
    }
}
