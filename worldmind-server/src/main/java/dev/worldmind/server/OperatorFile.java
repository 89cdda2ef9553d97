package dev.worldmind.server;

import dev.worldmind.core.json.Json;
import dev.worldmind.data.accounts.Account;
import dev.worldmind.data.accounts.AccountStore;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.server.config.JobsConfig;
import dev.worldmind.server.security.Authenticator;
import dev.worldmind.server.service.Lifecycle;
import dev.worldmind.server.service.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the command line of the same user reach the running server: {@code <home>/run/server.json}
 * (readable by its owner only, like Jupyter's runtime files) holds the server's address and a
 * bearer token of the first admin, renewed every few minutes and revoked when the server stops.
 * {@code worldmind jobs} uses it while the server holds the embedded database.
 */
final class OperatorFile implements Service {
    /** The file's format version. */
    static final int FORMAT_VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(OperatorFile.class);

    private final Path file;
    private final Supplier<String> url;
    private final Authenticator authenticator;
    private final AccountStore accounts;
    private String token;

    OperatorFile(
            Path home, Supplier<String> url, Authenticator authenticator, AccountStore accounts) {
        this.file = home.resolve("run").resolve("server.json");
        this.url = url;
        this.authenticator = authenticator;
        this.accounts = accounts;
    }

    /**
     * The operator file of a server that runs jobs in a home.
     *
     * @param jobs the jobs' settings, whose home holds the file; empty for none
     * @param url the server's address, known once it listens
     * @param authenticator issues and revokes the token
     * @param accounts where the first admin is
     * @return the file's service, or empty without a home
     */
    static Optional<Service> of(
            Optional<JobsConfig> jobs,
            Supplier<String> url,
            Authenticator authenticator,
            AccountStore accounts) {
        return jobs.map(j -> new OperatorFile(j.home().root(), url, authenticator, accounts));
    }

    @Override
    public String name() {
        return "operator file";
    }

    /** Writes the file now and renews it every five minutes. */
    @Override
    public void start(Lifecycle life) {
        life.every(Duration.ZERO, Duration.ofMinutes(5), "renewing the operator file", this::renew);
    }

    /** Writes the file with a fresh token (and revokes the one before). */
    synchronized void renew() {
        Optional<Account> admin =
                accounts.findByUsername(FirstAdmin.USERNAME)
                        .filter(a -> a.role() == Role.ADMIN)
                        .or(
                                () ->
                                        accounts.list().stream()
                                                .filter(a -> a.role() == Role.ADMIN)
                                                .findFirst());
        if (admin.isEmpty()) {
            return;
        }
        String before = token;
        token = authenticator.issue(admin.get()).token();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("formatVersion", FORMAT_VERSION);
        body.put("url", url.get());
        body.put("token", token);
        body.put("pid", ProcessHandle.current().pid());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".server-", ".json");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the home's own permissions protect it
            }
            Files.writeString(tmp, Json.write(body));
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot write {}: the command line cannot reach this server ({})", file, e);
        }
        if (before != null) {
            authenticator.logout(before);
        }
    }

    @Override
    public synchronized void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", file, e.toString());
        }
        if (token != null) {
            try {
                authenticator.logout(token);
            } catch (RuntimeException e) {
                // the database may be closing
            }
            token = null;
        }
    }
}
