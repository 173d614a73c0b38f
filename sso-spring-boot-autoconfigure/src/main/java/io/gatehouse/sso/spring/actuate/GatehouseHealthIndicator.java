package io.gatehouse.sso.spring.actuate;

import io.gatehouse.sso.spi.SettingsSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Actuator's {@code gatehouse} health: the database Gatehouse reads its login settings from, each enabled
 * OpenID Connect IdP's discovery document ({@link IdpDiscoveryCheck}) and, when configured, the SMTP server.
 * Any part down makes the whole DOWN, with the reason in the details. Results are reused for a while
 * ({@code gatehouse.health.cache-ttl}), so frequent probes do not hammer the identity providers.
 *
 * <pre>{@code
 * {"status": "UP", "details": {"database": "UP", "identityProviders": {"corp": "UP"}, "mail": "UP"}}
 * }</pre>
 */
public final class GatehouseHealthIndicator implements HealthIndicator {

    /** A check that throws when its part is down. */
    @FunctionalInterface
    public interface Probe {
        /**
         * Checks the part.
         *
         * @throws Exception when the part is down; its message becomes the health detail
         */
        void check() throws Exception;
    }

    private record Result(Health health, Instant checked) {
    }

    private final SettingsSource database;
    private final IdpDiscoveryCheck idps;
    private final Optional<Probe> mail;
    private final Duration cacheTtl;
    private final Clock clock;
    private volatile Result last;

    /**
     * An indicator over the store, the IdPs' discovery and, when given, the mail server.
     *
     * @param database the settings store, read once per check to see the database answers
     * @param idps the discovery check of every OpenID Connect app
     * @param mail the mail server check, or empty when mail is not configured
     * @param cacheTtl how long a result is reused, so a busy health endpoint does not call the IdPs each time
     * @param clock the time of the cache
     */
    public GatehouseHealthIndicator(SettingsSource database, IdpDiscoveryCheck idps, Optional<Probe> mail, Duration cacheTtl,
                                    Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.idps = Objects.requireNonNull(idps, "idps");
        this.mail = Objects.requireNonNull(mail, "mail");
        this.cacheTtl = Objects.requireNonNull(cacheTtl, "cacheTtl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Health health() {
        Result result = last;
        if (result == null || !result.checked().plus(cacheTtl).isAfter(clock.instant())) {
            synchronized (this) {
                result = last;
                if (result == null || !result.checked().plus(cacheTtl).isAfter(clock.instant())) {
                    result = new Result(check(), clock.instant());
                    last = result;
                }
            }
        }
        return result.health();
    }

    private Health check() {
        Map<String, Object> details = new LinkedHashMap<>();
        String db = probe(() -> database.get("LOGIN_ENABLE_SSO"));
        details.put("database", db);
        boolean up = db.equals("UP");
        Map<String, String> providers = idps.check();
        details.put("identityProviders", providers);
        up &= providers.values().stream().allMatch("UP"::equals);
        if (mail.isPresent()) {
            String smtp = probe(mail.get());
            details.put("mail", smtp);
            up &= smtp.equals("UP");
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }

    private static String probe(Probe probe) {
        try {
            probe.check();
            return "UP";
        } catch (Exception e) {
            return "DOWN: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        }
    }
}
