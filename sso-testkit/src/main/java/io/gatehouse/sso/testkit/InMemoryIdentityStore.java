package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.Group;
import io.gatehouse.sso.spi.GroupChange;
import io.gatehouse.sso.spi.GroupStore;
import io.gatehouse.sso.spi.IdentityLinkedElsewhereException;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.RegistrationResult;
import io.gatehouse.sso.spi.SocialAccount;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialToken;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.spi.UserDirectory;
import io.gatehouse.sso.spi.UsernameTakenException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Thread-safe in-memory users, social accounts and groups. One object implements the three
 * interfaces because {@link UserDirectory#register} must change all three atomically; a single
 * lock gives that, as one database transaction does in the JDBC store.
 *
 * <pre>{@code
 * InMemoryIdentityStore store = new InMemoryIdentityStore();
 * UserDirectory users = store;
 * SocialAccountRepository accounts = store;
 * GroupStore groups = store;
 * }</pre>
 */
public final class InMemoryIdentityStore implements UserDirectory, SocialAccountRepository, GroupStore {

    private record Key(String provider, String uid) {
        static Key of(IdentitySignIn signIn) {
            return new Key(signIn.provider(), signIn.uid());
        }
    }

    private final Object lock = new Object();
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<Key, SocialAccount> accounts = new HashMap<>();
    private final Map<Key, SocialToken> tokens = new HashMap<>();
    private final Map<String, Group> groupsByName = new TreeMap<>();
    private final Map<String, Set<String>> memberships = new HashMap<>();
    private long nextUserId = 1;
    private long nextGroupId = 1;

    // ---- UserDirectory

    @Override
    public Optional<User> findById(String id) {
        synchronized (lock) {
            return Optional.ofNullable(id).map(users::get);
        }
    }

    @Override
    public Optional<User> findByUsername(String username) {
        synchronized (lock) {
            return users.values().stream().filter(u -> u.username().equals(username)).findFirst();
        }
    }

    @Override
    public List<User> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return List.of();
        }
        String wanted = email.toLowerCase(Locale.ROOT);
        synchronized (lock) {
            return users.values().stream().filter(u -> u.email().toLowerCase(Locale.ROOT).equals(wanted)).toList();
        }
    }

    @Override
    public RegistrationResult register(Registration r) {
        synchronized (lock) {
            IdentitySignIn signIn = r.signIn();
            Key key = Key.of(signIn);
            SocialAccount existing = accounts.get(key);
            if (existing != null) {
                return new RegistrationResult(users.get(existing.userId()), existing, false);
            }
            if (findByUsername(r.user().username()).isPresent()) {
                throw new UsernameTakenException(r.user().username());
            }
            User user = r.user().withId(Long.toString(nextUserId++));
            users.put(user.id(), user);
            SocialAccount account = new SocialAccount(user.id(), signIn.provider(), signIn.uid(), signIn.extraData(),
                    signIn.at(), signIn.at());
            accounts.put(key, account);
            storeToken(key, signIn.token());
            applyLocked(user.id(), r.groups(), Set.of());
            return new RegistrationResult(user, account, true);
        }
    }

    @Override
    public User update(User user) {
        synchronized (lock) {
            User old = users.get(user.id());
            if (old == null) {
                throw new NoSuchElementException("no user with id " + user.id());
            }
            if (!old.username().equals(user.username()) && findByUsername(user.username()).isPresent()) {
                throw new UsernameTakenException(user.username());
            }
            users.put(user.id(), user);
            return user;
        }
    }

    // ---- SocialAccountRepository

    @Override
    public Optional<SocialAccount> find(String provider, String uid) {
        synchronized (lock) {
            return Optional.ofNullable(accounts.get(new Key(provider, uid)));
        }
    }

    @Override
    public List<SocialAccount> findByUser(String userId) {
        synchronized (lock) {
            return accounts.values().stream().filter(a -> a.userId().equals(userId))
                    .sorted(Comparator.comparing(SocialAccount::provider).thenComparing(SocialAccount::uid)).toList();
        }
    }

    @Override
    public SocialAccount link(String userId, IdentitySignIn signIn) {
        synchronized (lock) {
            if (!users.containsKey(userId)) {
                throw new NoSuchElementException("no user with id " + userId);
            }
            Key key = Key.of(signIn);
            SocialAccount existing = accounts.get(key);
            if (existing != null && !existing.userId().equals(userId)) {
                throw new IdentityLinkedElsewhereException(signIn.provider(), signIn.uid());
            }
            Instant joined = existing == null ? signIn.at() : existing.dateJoined();
            return storeLocked(key, userId, signIn, joined);
        }
    }

    @Override
    public Optional<SocialAccount> recordLogin(IdentitySignIn signIn) {
        synchronized (lock) {
            Key key = Key.of(signIn);
            SocialAccount existing = accounts.get(key);
            if (existing == null) {
                return Optional.empty();
            }
            return Optional.of(storeLocked(key, existing.userId(), signIn, existing.dateJoined()));
        }
    }

    private SocialAccount storeLocked(Key key, String userId, IdentitySignIn signIn, Instant joined) {
        SocialAccount account = new SocialAccount(userId, signIn.provider(), signIn.uid(), signIn.extraData(), signIn.at(),
                joined);
        accounts.put(key, account);
        storeToken(key, signIn.token());
        return account;
    }

    private void storeToken(Key key, SocialToken token) {
        if (token != null) {
            tokens.put(key, token.mergedOver(tokens.get(key)));
        }
    }

    @Override
    public Optional<SocialToken> findToken(String provider, String uid) {
        synchronized (lock) {
            return Optional.ofNullable(tokens.get(new Key(provider, uid)));
        }
    }

    @Override
    public List<SocialAccount> search(String text, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        synchronized (lock) {
            return accounts.values().stream().filter(a -> wanted.isEmpty() || matches(a, wanted))
                    .sorted(Comparator.comparing(SocialAccount::provider).thenComparing(SocialAccount::uid))
                    .skip(offset).limit(limit).toList();
        }
    }

    private boolean matches(SocialAccount account, String wanted) {
        User user = users.get(account.userId());
        return List.of(account.provider(), account.uid(), user == null ? "" : user.username(), user == null ? "" : user.email())
                .stream().anyMatch(field -> field.toLowerCase(Locale.ROOT).contains(wanted));
    }

    @Override
    public boolean deleteToken(String provider, String uid) {
        synchronized (lock) {
            return tokens.remove(new Key(provider, uid)) != null;
        }
    }

    @Override
    public boolean replaceToken(String provider, String uid, SocialToken expected, SocialToken replacement) {
        synchronized (lock) {
            Key key = new Key(provider, uid);
            if (!accounts.containsKey(key) || !Objects.equals(tokens.get(key), expected)) {
                return false;
            }
            if (replacement == null) {
                tokens.remove(key);
            } else {
                tokens.put(key, replacement);
            }
            return true;
        }
    }

    @Override
    public boolean unlink(String userId, String provider, String uid) {
        synchronized (lock) {
            Key key = new Key(provider, uid);
            SocialAccount existing = accounts.get(key);
            if (existing == null || !existing.userId().equals(userId)) {
                return false;
            }
            accounts.remove(key);
            tokens.remove(key);
            return true;
        }
    }

    // ---- GroupStore

    @Override
    public List<Group> listGroups() {
        synchronized (lock) {
            return List.copyOf(groupsByName.values());
        }
    }

    @Override
    public Optional<Group> findByName(String name) {
        synchronized (lock) {
            return Optional.ofNullable(name).map(groupsByName::get);
        }
    }

    @Override
    public Group create(String name) {
        synchronized (lock) {
            return createLocked(name);
        }
    }

    private Group createLocked(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a group name must not be blank");
        }
        return groupsByName.computeIfAbsent(name, n -> new Group(Long.toString(nextGroupId++), n));
    }

    @Override
    public Set<String> groupNamesOf(String userId) {
        synchronized (lock) {
            return Set.copyOf(memberships.getOrDefault(userId, Set.of()));
        }
    }

    @Override
    public GroupChange apply(String userId, Set<String> add, Set<String> remove) {
        synchronized (lock) {
            if (!users.containsKey(userId)) {
                throw new NoSuchElementException("no user with id " + userId);
            }
            return applyLocked(userId, add, remove);
        }
    }

    private GroupChange applyLocked(String userId, Set<String> add, Set<String> remove) {
        for (String name : add) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a group name must not be blank");
            }
        }
        Set<String> member = memberships.computeIfAbsent(userId, id -> new TreeSet<>());
        List<String> created = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (String name : add) {
            if (!groupsByName.containsKey(name)) {
                createLocked(name);
                created.add(name);
            }
            if (member.add(name)) {
                added.add(name);
            }
        }
        Set<String> removed = new HashSet<>();
        for (String name : remove) {
            if (!add.contains(name) && member.remove(name)) {
                removed.add(name);
            }
        }
        return new GroupChange(Set.copyOf(added), Set.copyOf(created), removed);
    }
}
