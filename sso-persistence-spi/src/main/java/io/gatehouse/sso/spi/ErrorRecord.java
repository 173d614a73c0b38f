package io.gatehouse.sso.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the admin-readable error log (InvenTree's {@code Error} model).
 *
 * <pre>{@code
 * errorLog.append(ErrorRecord.of(clock.instant(), "sso.state_mismatch",
 *         "The login state did not match", "provider=keycloak", "auth:/accounts/keycloak/login/callback/"));
 * }</pre>
 *
 * @param id   store-assigned id; {@code null} before {@link ErrorLog#append}
 * @param time when it happened
 * @param kind stable machine-readable code, e.g. {@code sso.id_token_invalid}
 * @param info one readable sentence for the admin
 * @param data further detail (never a secret, token or authorization code)
 * @param path where it happened, e.g. {@code auth:/accounts/keycloak/login/callback/}
 */
public record ErrorRecord(String id, Instant time, String kind, String info, String data, String path) {

    public ErrorRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        info = info == null ? "" : info;
        data = data == null ? "" : data;
        path = path == null ? "" : path;
    }

    public static ErrorRecord of(Instant time, String kind, String info, String data, String path) {
        return new ErrorRecord(null, time, kind, info, data, path);
    }

    public ErrorRecord withId(String newId) {
        return new ErrorRecord(newId, time, kind, info, data, path);
    }
}
