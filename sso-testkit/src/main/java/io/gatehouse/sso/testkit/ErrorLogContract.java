package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.ErrorRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ErrorLog} must do. Extend it and return a fresh, empty log.
 *
 * <pre>{@code
 * class InMemoryErrorLogTest extends ErrorLogContract {
 *     protected ErrorLog newLog() { return new InMemoryErrorLog(); }
 * }
 * }</pre>
 */
public abstract class ErrorLogContract {

    /**
     * A fresh, empty error log of the implementation under test; called once per test.
     *
     * @return the log
     */
    protected abstract ErrorLog newLog();

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private ErrorLog log;

    @BeforeEach
    void freshLog() {
        log = newLog();
    }

    private ErrorRecord append(String kind, Instant at) {
        return log.append(ErrorRecord.of(at, kind, "info " + kind, "data " + kind, "auth:/accounts/x/login/callback/"));
    }

    @Test
    void appendAssignsAnIdAndKeepsEveryField() {
        ErrorRecord stored = append("sso.cancelled", T);

        assertThat(stored.id()).isNotBlank();
        assertThat(log.list(0, 10)).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(stored.id());
            assertThat(r.time()).isEqualTo(T);
            assertThat(r.kind()).isEqualTo("sso.cancelled");
            assertThat(r.info()).isEqualTo("info sso.cancelled");
            assertThat(r.data()).isEqualTo("data sso.cancelled");
            assertThat(r.path()).isEqualTo("auth:/accounts/x/login/callback/");
        });
    }

    @Test
    void listIsNewestFirst() {
        append("old", T.minusSeconds(60));
        append("new", T);
        append("middle", T.minusSeconds(30));

        assertThat(log.list(0, 10)).extracting(ErrorRecord::kind).containsExactly("new", "middle", "old");
    }

    @Test
    void recordsWithTheSameTimeListLatestAppendedFirst() {
        append("first", T);
        append("second", T);

        assertThat(log.list(0, 10)).extracting(ErrorRecord::kind).containsExactly("second", "first");
    }

    @Test
    void listPagesWithOffsetAndLimit() {
        for (int i = 0; i < 5; i++) {
            append("k" + i, T.plusSeconds(i));
        }

        assertThat(log.list(1, 2)).extracting(ErrorRecord::kind).containsExactly("k3", "k2");
        assertThat(log.list(4, 10)).extracting(ErrorRecord::kind).containsExactly("k0");
        assertThat(log.list(5, 10)).isEmpty();
    }

    @Test
    void purgeDeletesOnlyRecordsOlderThanTheCutoff() {
        append("ancient", T.minusSeconds(86_400 * 40));
        append("recent", T);

        assertThat(log.purgeOlderThan(T.minusSeconds(86_400 * 30))).isEqualTo(1);
        assertThat(log.list(0, 10)).extracting(ErrorRecord::kind).containsExactly("recent");
    }

    @Test
    void longInfoAndDataAreKeptWhole() {
        String longText = "x".repeat(10_000);
        log.append(ErrorRecord.of(T, "k", longText, longText, "p"));

        assertThat(log.list(0, 1).get(0).data()).hasSize(10_000);
    }
}
