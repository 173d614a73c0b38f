package io.gatehouse.sso.benchmarks;

import io.gatehouse.sso.core.LoginEvent;
import io.gatehouse.sso.core.provider.ProviderProfile;
import io.gatehouse.sso.core.settings.SettingKey;
import io.gatehouse.sso.groupsync.GroupSync;
import io.gatehouse.sso.groupsync.GroupSyncOutcome;
import io.gatehouse.sso.groupsync.GroupSyncStatus;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.spi.UserDraft;
import io.gatehouse.sso.testkit.InMemoryErrorLog;
import io.gatehouse.sso.testkit.InMemoryIdentityStore;
import io.gatehouse.sso.testkit.InMemorySettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code GroupSync.sync} of one login on the in-memory stores, with N IdP groups in the claim and an
 * {@code SSO_GROUP_MAP} of N entries (every IdP group mapped), {@code SSO_REMOVE_GROUPS} on. It includes what
 * each login really does: reading the live settings and parsing the map's JSON, reading the claim, mapping,
 * the user's current groups, and the store write when something changed.
 *
 * <ul>
 *   <li>{@link #groupSyncUnchanged}: the user already has exactly the granted groups (every login after the
 *       first); N = 1,000, 10,000 and 100,000 to show the cost is linear. Target: under 10 ms at 10,000.</li>
 *   <li>{@link #groupSyncHalfChanged}: logins alternate between two halves of the map, so each one removes
 *       N/2 groups and adds N/2 (existing) groups in one {@code GroupStore.apply}.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@Threads(1)
public class GroupSyncBenchmarks {

    /** The stores, settings and one user; subclasses choose the sizes. */
    public abstract static class Groups {
        InMemoryIdentityStore store;
        GroupSync sync;
        User user;
        List<String> idpGroups;

        void build(int size) {
            store = new InMemoryIdentityStore();
            idpGroups = new ArrayList<>(size);
            Map<String, String> map = new HashMap<>();
            for (int i = 0; i < size; i++) {
                String idp = String.format("/idp/department-%06d/members", i);
                idpGroups.add(idp);
                map.put(idp, String.format("local-group-%06d", i));
            }
            InMemorySettings settings = new InMemorySettings(Map.of(
                    SettingKey.LOGIN_ENABLE_SSO.name(), "true",
                    SettingKey.LOGIN_ENABLE_SSO_GROUP_SYNC.name(), "true",
                    SettingKey.SSO_GROUP_KEY.name(), "groups",
                    SettingKey.SSO_GROUP_MAP.name(), json(map),
                    SettingKey.SSO_REMOVE_GROUPS.name(), "true"));
            sync = new GroupSync(store, settings, new InMemoryErrorLog(), Clock.systemUTC());
            user = store.register(new Registration(new UserDraft("ada", "ada.lovelace@example.com", "Ada", "Lovelace", true),
                    new IdentitySignIn(GatehouseScene.ROUTE, SampleIdToken.SUBJECT, Map.of(), null, Instant.now()), Set.of())).user();
        }

        LoginEvent event(List<String> groups) {
            ProviderProfile profile = new ProviderProfile(SampleIdToken.SUBJECT, List.of(), "ada", "Ada", "Lovelace",
                    Map.of("sub", SampleIdToken.SUBJECT, "email", "ada.lovelace@example.com", "groups", groups));
            return new LoginEvent(user, GatehouseScene.ROUTE, profile, false, "auth:/accounts/openid_connect/login/callback/");
        }

        static String json(Map<String, String> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append('"').append(k).append("\":\"").append(v).append('"'));
            return out.append('}').toString();
        }
    }

    @State(Scope.Benchmark)
    public static class Unchanged extends Groups {
        @Param({"1000", "10000", "100000"})
        public int size;
        LoginEvent event;

        @Setup
        public void setUp() {
            build(size);
            event = event(idpGroups);
            GroupSyncOutcome first = applied(sync.sync(event));
            if (first.created().size() != size) {
                throw new IllegalStateException("expected " + size + " groups created, got " + first.created().size());
            }
        }
    }

    @State(Scope.Benchmark)
    public static class HalfChanged extends Groups {
        @Param({"10000"})
        public int size;
        LoginEvent[] events;
        int next;

        @Setup
        public void setUp() {
            build(size);
            events = new LoginEvent[] {event(idpGroups.subList(0, size / 2)), event(idpGroups.subList(size / 2, size))};
            applied(sync.sync(events[0]));
            applied(sync.sync(events[1]));
        }

        /** The other half from the one applied last (setup ended with the second half). */
        LoginEvent nextEvent() {
            LoginEvent event = events[next];
            next ^= 1;
            return event;
        }
    }

    static GroupSyncOutcome applied(GroupSyncOutcome outcome) {
        if (outcome.status() != GroupSyncStatus.APPLIED) {
            throw new IllegalStateException("group sync did not apply: " + outcome.status());
        }
        return outcome;
    }

    @Benchmark
    public GroupSyncOutcome groupSyncUnchanged(Unchanged s) {
        return applied(s.sync.sync(s.event));
    }

    @Benchmark
    public GroupSyncOutcome groupSyncHalfChanged(HalfChanged s) {
        return applied(s.sync.sync(s.nextEvent()));
    }
}
