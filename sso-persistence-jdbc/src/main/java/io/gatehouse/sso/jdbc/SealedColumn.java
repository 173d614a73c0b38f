package io.gatehouse.sso.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A column that holds encrypted values, and the column that identifies its rows. The row identity goes
 * into each value's associated data, so a value copied into another row or column no longer decrypts.
 *
 * @param table     table name
 * @param rowKey    the column whose value identifies the row (a numeric id)
 * @param column    the column holding {@code v1:<keyId>:<base64(iv|ciphertext)>}
 */
record SealedColumn(String table, String rowKey, String column) {

    static final SealedColumn APP_SECRET = new SealedColumn("sso_social_app", "id", "secret_sealed");
    static final SealedColumn APP_KEY = new SealedColumn("sso_social_app", "id", "app_key_sealed");
    static final SealedColumn ACCESS_TOKEN = new SealedColumn("sso_social_token", "account_id", "access_token_sealed");
    static final SealedColumn REFRESH_TOKEN = new SealedColumn("sso_social_token", "account_id", "refresh_token_sealed");
    static final SealedColumn SESSION_ID_TOKEN = new SealedColumn("sso_session", "id", "id_token_sealed");

    /** Every encrypted column; start-up checks and key rotation walk them all. */
    static final List<SealedColumn> ALL = List.of(APP_SECRET, APP_KEY, ACCESS_TOKEN, REFRESH_TOKEN, SESSION_ID_TOKEN);

    byte[] associatedData(String rowKeyValue) {
        return ("gatehouse:" + table + "." + column + ":" + rowKeyValue).getBytes(StandardCharsets.UTF_8);
    }

    String location(String rowKeyValue) {
        return table + "." + column + " (" + rowKey + "=" + rowKeyValue + ")";
    }
}
