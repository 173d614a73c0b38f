package io.gatehouse.sso.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the admin-readable error log (InvenTree's {@code Error} model). Identical failures within a
 * flood-control window share one entry ({@link ErrorLog#count}): it then says how often the failure happened
 * and when first and last.
 *
 * <pre>{@code
 * errorLog.append(ErrorRecord.of(clock.instant(), "sso.state_mismatch",
 *         "The login state did not match", "provider=keycloak", "auth:/accounts/keycloak/login/callback/"));
 * }</pre>
 *
 * @param id        store-assigned id; {@code null} before {@link ErrorLog#append}
 * @param time      when it happened (the last time, for a counted record)
 * @param kind      stable machine-readable code, e.g. {@code sso.id_token_invalid}
 * @param info      one readable sentence for the admin
 * @param data      further detail (never a secret, token or authorization code)
 * @param path      where it happened, e.g. {@code auth:/accounts/keycloak/login/callback/}
 * @param provider  the provider route id it concerns (from the path), or empty
 * @param count     how many identical failures this record stands for; at least 1
 * @param firstTime when the first of them happened; equals {@code time} for a single failure
 */
public record ErrorRecord(String id, Instant time, String kind, String info, String data, String path, String provider,
                          long count, Instant firstTime) {

    private static final String ACCOUNTS = "auth:/accounts/";

    /**
     * Requires {@code time} and {@code kind}; {@code null} text parts become empty, a {@code null} provider is taken
     * from the path and a {@code null} first time is {@code time}.
     *
     * @param id store-assigned id; {@code null} before {@link ErrorLog#append}
     * @param time when it happened (the last time, for a counted record)
     * @param kind stable machine-readable code, e.g. {@code sso.id_token_invalid}
     * @param info one readable sentence for the admin
     * @param data further detail (never a secret, token or authorization code)
     * @param path where it happened, e.g. {@code auth:/accounts/keycloak/login/callback/}
     * @param provider the provider route id it concerns (from the path), or empty
     * @param count how many identical failures this record stands for; at least 1
     * @param firstTime when the first of them happened; equals {@code time} for a single failure
     * @throws IllegalArgumentException when {@code count} is below 1
     */
    public ErrorRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        info = info == null ? "" : info;
        data = data == null ? "" : data;
        path = path == null ? "" : path;
        provider = provider == null ? providerOf(path) : provider;
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, not " + count);
        }
        firstTime = firstTime == null ? time : firstTime;
    }

    /**
     * A single failure; its provider comes from the path ({@link #providerOf}).
     *
     * @param id store-assigned id; {@code null} before it is stored
     * @param time when the failure happened
     * @param kind stable machine-readable code, e.g. {@code sso.id_token_invalid}
     * @param info one readable sentence for the admin
     * @param data further detail; never a secret, token or authorization code
     * @param path where it happened, e.g. {@code auth:/accounts/keycloak/login/callback/}
     */
    public ErrorRecord(String id, Instant time, String kind, String info, String data, String path) {
        this(id, time, kind, info, data, path, null, 1, null);
    }

    /**
     * A single failure not stored yet (no id), as Gatehouse builds them before {@link ErrorLog#count}.
     *
     * @param time when the failure happened
     * @param kind stable machine-readable code, e.g. {@code sso.cancelled}
     * @param info one readable sentence for the admin
     * @param data further detail; never a secret, token or authorization code
     * @param path where it happened; also gives the record's provider
     * @return a record counting one failure
     */
    public static ErrorRecord of(Instant time, String kind, String info, String data, String path) {
        return new ErrorRecord(null, time, kind, info, data, path);
    }

    /**
     * A copy with the id a store assigned; stores use it in {@link ErrorLog#append}.
     *
     * @param newId the store-assigned id
     * @return this record with {@code newId}
     */
    public ErrorRecord withId(String newId) {
        return new ErrorRecord(newId, time, kind, info, data, path, provider, count, firstTime);
    }

    /**
     * This record standing for {@code newCount} failures, the first at {@code first} and the last at {@link #time}.
     *
     * @param newCount how many identical failures the record now stands for; at least 1
     * @param first when the first of them happened
     * @return a copy with the new count and first time
     */
    public ErrorRecord counted(long newCount, Instant first) {
        return new ErrorRecord(id, time, kind, info, data, path, provider, newCount, first);
    }

    /**
     * The provider route id in a Gatehouse path: {@code keycloak} in {@code auth:/accounts/keycloak/login/callback/};
     * empty for a path that names none ({@code auth:/accounts/signup/}).
     *
     * @param path a Gatehouse path such as {@code auth:/accounts/github/login/}; may be null
     * @return the provider route id, or empty
     */
    public static String providerOf(String path) {
        if (path == null || !path.startsWith(ACCOUNTS)) {
            return "";
        }
        String[] parts = path.substring(ACCOUNTS.length()).split("/");
        return parts.length >= 2 && !parts[0].isEmpty() && !parts[1].isEmpty() ? parts[0] : "";
    }
}
