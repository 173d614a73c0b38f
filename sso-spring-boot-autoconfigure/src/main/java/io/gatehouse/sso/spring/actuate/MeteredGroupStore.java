package io.gatehouse.sso.spring.actuate;

import io.gatehouse.sso.spi.Group;
import io.gatehouse.sso.spi.GroupChange;
import io.gatehouse.sso.spi.GroupStore;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A {@link GroupStore} that reports what each {@link #apply} changed to {@link GatehouseMetrics}; everything
 * else passes through. Wrapped around the application's group store by the metrics auto-configuration, so
 * group sync's changes are counted without group sync knowing about metrics.
 */
final class MeteredGroupStore implements GroupStore {
    private final GroupStore delegate;
    private final Supplier<GatehouseMetrics> metrics;

    /** @param metrics looked up at the first change: the store is created before the meter registry */
    MeteredGroupStore(GroupStore delegate, Supplier<GatehouseMetrics> metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public List<Group> listGroups() {
        return delegate.listGroups();
    }

    @Override
    public Optional<Group> findByName(String name) {
        return delegate.findByName(name);
    }

    @Override
    public Group create(String name) {
        return delegate.create(name);
    }

    @Override
    public Set<String> groupNamesOf(String userId) {
        return delegate.groupNamesOf(userId);
    }

    @Override
    public GroupChange apply(String userId, Set<String> add, Set<String> remove) {
        GroupChange change = delegate.apply(userId, add, remove);
        metrics.get().groupsChanged(change);
        return change;
    }
}
