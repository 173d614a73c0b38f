package io.gatehouse.sso.security;

import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.CallbackRequest;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;
import io.gatehouse.sso.core.transaction.TransactionCookie;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.spi.ErrorRecord;
import io.gatehouse.sso.testkit.InMemoryIdentityStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random callbacks against the engine: random, huge, unicode and control-character values, repeated and
 * very many parameters, random and mangled cookies, real transactions mixed in (so some callbacks get as
 * far as the token endpoint, which refuses their codes). Whatever arrives, the engine returns a typed
 * {@link LoginOutcome.Failed} (never an internal error, never an exception) and stores nothing.
 *
 * <p>The seed is random per run and printed in every assertion message; re-run one with
 * {@code -Dgatehouse.fuzz.seed=<seed>}.
 */
class CallbackFuzzTest {
    static final int ITERATIONS = 3000;
    static final long TIME_BUDGET_NANOS = 6_000_000_000L;
    static final Set<FailureCode> EXPECTED = EnumSet.of(FailureCode.STATE_MISMATCH, FailureCode.TRANSACTION_MISSING,
            FailureCode.TRANSACTION_INVALID, FailureCode.IDP_RESPONSE_INVALID, FailureCode.PROVIDER_MISMATCH,
            FailureCode.CALLBACK_REPLAYED, FailureCode.CANCELLED, FailureCode.IDP_ERROR, FailureCode.MISSING_CODE,
            FailureCode.TOKEN_EXCHANGE_FAILED, FailureCode.NOT_SIGNED_IN, FailureCode.CONNECT_USER_MISMATCH,
            // a fuzzed iss (RFC 9207) on a genuine callback
            FailureCode.RESPONSE_ISSUER_MISMATCH, FailureCode.RESPONSE_ISSUER_MISSING);
    static final String[] NAMES = {"state", "code", "error", "error_description", "next", "iss", "session_state", "scope"};

    final SecurityBench bench = new SecurityBench();
    final long seed = Long.getLong("gatehouse.fuzz.seed", System.nanoTime());
    final Random random = new Random(seed);
    final List<SecurityBench.Pending> genuine = new ArrayList<>();

    @AfterEach
    void close() {
        bench.close();
    }

    @Test
    void noCallbackMakesTheEngineThrowPersistOrFailUntyped() {
        for (int i = 0; i < 150; i++) {
            genuine.add(bench.begin(new LoginRequest(i % 10 == 0 ? AuthProcess.CONNECT : AuthProcess.LOGIN, "/", EngineFixture.BASE,
                    null, i % 10 == 0 ? "1" : null)));
        }
        bench.baseline();
        long deadline = System.nanoTime() + TIME_BUDGET_NANOS;
        int done = 0;
        for (; done < ITERATIONS && System.nanoTime() < deadline; done++) {
            String route = random.nextInt(20) == 0 ? value() : SecurityBench.ROUTE;
            CallbackRequest callback = callback();
            LoginOutcome outcome;
            try {
                outcome = bench.engine.completeLogin(route, callback);
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ", iteration " + done + ": the engine threw", e);
            }
            int iteration = done;
            assertThat(outcome).as("seed %d, iteration %d", seed, iteration).isInstanceOfSatisfying(LoginOutcome.Failed.class,
                    f -> assertThat(f.failure().code()).as("seed %d, iteration %d: %s", seed, iteration, lastError())
                            .isIn(EXPECTED));
            assertThat(outcome.next()).as("seed %d, iteration %d", seed, iteration).startsWith("/").doesNotStartWith("//");
            if (done % 100 == 0) {
                assertThat(StoreSnapshot.of(bench.fx.store)).as("seed %d, iteration %d: nothing persisted", seed, iteration)
                        .isEqualTo(StoreSnapshot.of(new InMemoryIdentityStore()));
            }
        }
        assertThat(done).as("seed %d: iterations within the time budget", seed).isGreaterThanOrEqualTo(1000);
        assertThat(StoreSnapshot.of(bench.fx.store).userCount()).as("seed %d", seed).isZero();
        for (ErrorRecord e : bench.fx.errors()) {
            SecurityBench.assertNoSecret(e.info() + e.data() + e.path());
            assertThat(e.path().chars().noneMatch(Character::isISOControl)).as("seed %d: control characters in %s", seed, e).isTrue();
        }
    }

    String lastError() {
        List<ErrorRecord> all = bench.fx.errors();
        return all.isEmpty() ? "(no error record)" : all.get(all.size() - 1).toString();
    }

    CallbackRequest callback() {
        SecurityBench.Pending real = genuine.get(random.nextInt(genuine.size()));
        Map<String, List<String>> params = new HashMap<>();
        int shape = random.nextInt(10);
        if (shape < 6) {
            // a plausible callback with some parts replaced
            params.put("state", List.of(random.nextInt(3) == 0 ? value() : real.state()));
            if (random.nextBoolean()) {
                params.put("code", List.of(random.nextInt(3) == 0 ? value() : Secrets.code()));
            }
            if (random.nextInt(4) == 0) {
                params.put("error", List.of(random.nextBoolean() ? "access_denied" : value()));
                params.put("error_description", List.of(value()));
            }
        }
        boolean many = shape == 9 && random.nextBoolean();
        int extra = many ? 1000 + random.nextInt(1000) : random.nextInt(4);
        for (int i = 0; i < extra; i++) {
            String name = random.nextInt(3) == 0 ? NAMES[random.nextInt(NAMES.length)] : value(!many);
            List<String> values = new ArrayList<>();
            int count = random.nextInt(8) == 0 ? 2 + random.nextInt(3) : random.nextInt(10) == 0 ? 0 : 1;
            for (int v = 0; v < count; v++) {
                values.add(value(!many));
            }
            params.put(name, values);
        }
        Map<String, String> cookies = new HashMap<>();
        int cookieShape = random.nextInt(8);
        String state = params.getOrDefault("state", List.of(real.state())).stream().findFirst().orElse(real.state());
        switch (cookieShape) {
            case 0 -> { }
            case 1 -> cookies.put(real.cookieName(), real.cookieValue());
            case 2 -> cookies.put(TransactionCookie.nameFor(state), real.cookieValue());
            case 3 -> cookies.put(TransactionCookie.nameFor(state), mangle(real.cookieValue()));
            case 4 -> cookies.put(TransactionCookie.nameFor(state), value());
            case 5 -> cookies.put(TransactionCookie.nameFor(state), "A".repeat(64 * 1024 + 1));
            default -> {
                for (int i = 0; i < 1 + random.nextInt(5); i++) {
                    cookies.put(random.nextBoolean() ? TransactionCookie.NAME_PREFIX + value() : value(), value());
                }
            }
        }
        String signedIn = random.nextInt(5) == 0 ? (random.nextBoolean() ? "1" : value()) : null;
        return new CallbackRequest(params, cookies, EngineFixture.BASE, signedIn);
    }

    String mangle(String sealed) {
        StringBuilder b = new StringBuilder(sealed);
        switch (random.nextInt(4)) {
            case 0 -> b.setCharAt(random.nextInt(b.length()), (char) ('A' + random.nextInt(26)));
            case 1 -> b.setLength(random.nextInt(b.length()));
            case 2 -> b.append(value());
            default -> b.insert(random.nextInt(b.length()), '.');
        }
        return b.toString();
    }

    String value() {
        return value(true);
    }

    /** A random value: empty, ASCII, raw bytes (control characters), unicode (unpaired surrogates too), or huge. */
    String value(boolean mayBeHuge) {
        int kind = random.nextInt(100);
        if (kind < 5) {
            return "";
        }
        if (kind < 7 && mayBeHuge) {
            return "x".repeat(100_000 + random.nextInt(150_000));
        }
        int length = random.nextInt(kind < 10 && mayBeHuge ? 5000 : 40);
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            if (kind < 40) {
                b.append((char) (0x20 + random.nextInt(0x5f)));
            } else if (kind < 70) {
                b.append((char) random.nextInt(256));
            } else {
                b.appendCodePoint(random.nextInt(8) == 0 ? 0xD800 + random.nextInt(0x800) : random.nextInt(0x30000));
            }
        }
        return b.toString();
    }
}
