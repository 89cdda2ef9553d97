package dev.worldmind.server;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.catalog.CommonPasswords;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.data.world.WorldStores;
import dev.worldmind.server.config.AccountsConfig;
import dev.worldmind.server.config.JobsConfig;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.server.security.ApiTokens;
import dev.worldmind.server.security.Authenticator;
import dev.worldmind.server.security.LoginThrottle;
import dev.worldmind.server.security.PasswordPolicy;
import dev.worldmind.server.security.Passwords;
import dev.worldmind.server.security.RightsSignal;
import dev.worldmind.server.service.Lifecycle;
import dev.worldmind.server.service.Service;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A world's logins: the authenticator (sessions' lifetimes, the registration throttle per address,
 * API tokens) and its password policy, which gets the full common-password list loaded (and fetched
 * once) in the background from the home's dataset store: a start never waits for it nor fails
 * without it; until then, and without a home, new passwords are checked against the built-in floor.
 */
final class WorldSecurity implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordPolicy.class);

    private final PasswordPolicy policy = PasswordPolicy.withFloor();
    private final Authenticator authenticator;
    private final Optional<JobsConfig> jobs;

    /**
     * @param config the server settings
     * @param stores the world's stores
     * @param clock the time source
     * @param jobs the jobs' settings, whose home has the common-password list; empty for none
     */
    WorldSecurity(ServerConfig config, WorldStores stores, Clock clock, Optional<JobsConfig> jobs) {
        this.jobs = jobs;
        AccountsConfig accounts = config.accounts();
        int limit = accounts.registrationsPerAddress();
        Duration window = accounts.registrationWindow();
        this.authenticator =
                new Authenticator(
                        stores.accounts(),
                        stores.sessions(),
                        config.sessionIdle(),
                        config.sessionAbsolute(),
                        clock,
                        new RightsSignal(),
                        limit == 0 ? null : new LoginThrottle(limit, window, window, clock),
                        new ApiTokens(stores.apiTokens(), stores.accounts(), clock),
                        policy);
    }

    /** The authenticator. */
    Authenticator authenticator() {
        return authenticator;
    }

    @Override
    public String name() {
        return "passwords";
    }

    @Override
    public void start(Lifecycle life) {
        if (jobs.isEmpty()) {
            LOG.warn(
                    "no Worldmind home: new passwords are checked against the {} only, not the"
                            + " common-password list",
                    policy.source());
            return;
        }
        DatasetStore store = new DatasetStore(jobs.get().home().datasets());
        life.background("passwords", () -> load(store));
    }

    private void load(DatasetStore store) {
        try {
            policy.use(CommonPasswords.load(store, Passwords.MIN_LENGTH, ProgressMonitor.silent()));
            LOG.info("new passwords are checked against {}", policy.source());
        } catch (RuntimeException e) {
            LOG.warn(
                    "the common-password list (dataset {}) is not available ({}); new passwords"
                            + " are checked against the {} only. Fetch it with: worldmind data"
                            + " fetch {}",
                    CommonPasswords.SPEC.name(),
                    e.getMessage(),
                    policy.source(),
                    CommonPasswords.SPEC.name());
        }
    }
}
