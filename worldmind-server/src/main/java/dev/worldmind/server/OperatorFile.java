package dev.worldmind.server;

import dev.worldmind.core.json.Json;
import dev.worldmind.data.accounts.Account;
import dev.worldmind.data.accounts.AccountStore;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.server.security.Authenticator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the command line of the same user reach the running server: {@code <home>/run/server.json}
 * (readable by its owner only, like Jupyter's runtime files) holds the server's address and a
 * bearer token of the first admin, renewed every few minutes and revoked when the server stops.
 * {@code worldmind jobs} uses it while the server holds the embedded database.
 */
final class OperatorFile implements AutoCloseable {
    /** The file's format version. */
    static final int FORMAT_VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(OperatorFile.class);

    private final Path file;
    private final String url;
    private final Authenticator authenticator;
    private final AccountStore accounts;
    private String token;

    OperatorFile(Path home, String url, Authenticator authenticator, AccountStore accounts) {
        this.file = home.resolve("run").resolve("server.json");
        this.url = url;
        this.authenticator = authenticator;
        this.accounts = accounts;
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
        body.put("url", url);
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
