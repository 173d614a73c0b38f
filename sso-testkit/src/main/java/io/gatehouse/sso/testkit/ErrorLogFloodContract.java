package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.ErrorQuery;
import io.gatehouse.sso.spi.ErrorRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ErrorLog} must do about floods and queries: identical failures in a window count on one
 * record (also when they arrive at once), and the admin's filters. Extend it and return a fresh, empty log.
 *
 * <pre>{@code
 * class InMemoryErrorLogFloodTest extends ErrorLogFloodContract {
 *     protected ErrorLog newLog() { return new InMemoryErrorLog(); }
 * }
 * }</pre>
 */
public abstract class ErrorLogFloodContract {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final String CALLBACK = "auth:/accounts/keycloak/login/callback/";

    /**
     * A fresh, empty error log of the implementation under test; called once per test.
     *
     * @return the log
     */
    protected abstract ErrorLog newLog();

    private ErrorLog log;

    @BeforeEach
    void freshLog() {
        log = newLog();
    }

    private ErrorRecord failure(String kind, String path, Instant at, String info) {
        return ErrorRecord.of(at, kind, info, "data " + info, path);
    }

    @Test
    void identicalFailuresInOneWindowAreCountedOnTheFirstRecord() {
        ErrorRecord first = log.count(failure("sso.state_mismatch", CALLBACK, T.plusSeconds(60), "first"), HOUR);
        ErrorRecord third = null;
        for (int i = 2; i <= 3; i++) {
            third = log.count(failure("sso.state_mismatch", CALLBACK, T.plusSeconds(60L * i), "later " + i), HOUR);
        }

        assertThat(third.id()).isEqualTo(first.id());
        assertThat(log.list(0, 10)).singleElement().satisfies(r -> {
            assertThat(r.count()).isEqualTo(3);
            assertThat(r.firstTime()).isEqualTo(T.plusSeconds(60));
            assertThat(r.time()).isEqualTo(T.plusSeconds(180));
            assertThat(r.info()).isEqualTo("first");
            assertThat(r.provider()).isEqualTo("keycloak");
        });
    }

    @Test
    void anotherKindProviderOrPathStartsItsOwnRecord() {
        log.count(failure("sso.state_mismatch", CALLBACK, T, "a"), HOUR);
        log.count(failure("sso.cancelled", CALLBACK, T, "b"), HOUR);
        log.count(failure("sso.state_mismatch", "auth:/accounts/github/login/callback/", T, "c"), HOUR);
        log.count(failure("sso.state_mismatch", "auth:/accounts/keycloak/login/", T, "d"), HOUR);

        assertThat(log.list(0, 10)).hasSize(4).allSatisfy(r -> assertThat(r.count()).isEqualTo(1));
    }

    @Test
    void theNextWindowStartsANewRecord() {
        log.count(failure("sso.state_mismatch", CALLBACK, T.plus(HOUR).minusMillis(1), "late"), HOUR);
        log.count(failure("sso.state_mismatch", CALLBACK, T.plus(HOUR), "next"), HOUR);

        assertThat(log.list(0, 10)).extracting(ErrorRecord::info).containsExactly("next", "late");
    }

    @Test
    void aCountedRecordMovesToTheTopOfTheList() {
        log.count(failure("sso.state_mismatch", CALLBACK, T, "flood"), HOUR);
        log.append(failure("sso.cancelled", CALLBACK, T.plusSeconds(10), "other"));
        log.count(failure("sso.state_mismatch", CALLBACK, T.plusSeconds(20), "flood again"), HOUR);

        assertThat(log.list(0, 10)).extracting(ErrorRecord::info).containsExactly("flood", "other");
    }

    @Test
    void concurrentIdenticalFailuresMakeOneRecordWithTheirCount() throws Exception {
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        log.count(failure("sso.transaction_missing", CALLBACK, T.plusMillis(i), "forged"), HOUR);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(log.list(0, 10)).singleElement().satisfies(r -> assertThat(r.count()).isEqualTo(threads * each));
    }

    @Test
    void listFiltersByKindProviderAndTime() {
        log.append(failure("sso.cancelled", CALLBACK, T, "keycloak cancelled"));
        log.append(failure("sso.cancelled", "auth:/accounts/github/login/callback/", T.plusSeconds(60), "github cancelled"));
        log.append(failure("sso.idp_error", CALLBACK, T.plusSeconds(120), "keycloak error"));
        log.append(failure("sso.csrf_failed", "auth:/accounts/signup/", T.plusSeconds(180), "no provider"));

        assertThat(log.list(new ErrorQuery("sso.cancelled", null, null, null), 0, 10)).extracting(ErrorRecord::info)
                .containsExactly("github cancelled", "keycloak cancelled");
        assertThat(log.list(new ErrorQuery(null, "keycloak", null, null), 0, 10)).extracting(ErrorRecord::info)
                .containsExactly("keycloak error", "keycloak cancelled");
        assertThat(log.list(new ErrorQuery(null, null, T.plusSeconds(60), T.plusSeconds(180)), 0, 10))
                .extracting(ErrorRecord::info).containsExactly("keycloak error", "github cancelled");
        assertThat(log.list(new ErrorQuery("sso.cancelled", "keycloak", null, T.plusSeconds(1)), 0, 10))
                .extracting(ErrorRecord::info).containsExactly("keycloak cancelled");
        assertThat(log.list(new ErrorQuery(null, null, null, null), 1, 2)).extracting(ErrorRecord::info)
                .containsExactly("keycloak error", "github cancelled");
    }

    @Test
    void purgeGoesByTheLastTimeOfACountedRecord() {
        log.count(failure("sso.state_mismatch", CALLBACK, T.plusSeconds(1), "start"), Duration.ofHours(2));
        log.count(failure("sso.state_mismatch", CALLBACK, T.plus(HOUR), "end"), Duration.ofHours(2));

        assertThat(log.purgeOlderThan(T.plusSeconds(2))).isZero();
        assertThat(log.purgeOlderThan(T.plus(HOUR).plusSeconds(1))).isEqualTo(1);
        assertThat(log.list(0, 10)).isEmpty();
    }
}
