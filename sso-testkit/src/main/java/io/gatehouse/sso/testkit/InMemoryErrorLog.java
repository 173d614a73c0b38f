package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.ErrorQuery;
import io.gatehouse.sso.spi.ErrorRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Thread-safe in-memory {@link ErrorLog}.
 *
 * <pre>{@code
 * InMemoryErrorLog log = new InMemoryErrorLog();
 * List<ErrorRecord> newest = log.list(0, 20);
 * }</pre>
 */
public final class InMemoryErrorLog implements ErrorLog {
    /** What makes failures identical for {@link #count}: kind, provider, path and window. */
    private record FloodKey(String kind, String provider, String path, Instant window) {
    }

    private final List<ErrorRecord> records = new ArrayList<>();
    private final Map<FloodKey, String> counted = new HashMap<>();
    private long nextId = 1;

    @Override
    public synchronized ErrorRecord append(ErrorRecord record) {
        ErrorRecord stored = record.withId(Long.toString(nextId++));
        records.add(stored);
        return stored;
    }

    @Override
    public synchronized ErrorRecord count(ErrorRecord record, Duration window) {
        FloodKey key = new FloodKey(record.kind(), record.provider(), record.path(), ErrorLog.windowStart(record.time(), window));
        String id = counted.get(key);
        for (int i = 0; id != null && i < records.size(); i++) {
            ErrorRecord r = records.get(i);
            if (r.id().equals(id)) {
                Instant last = record.time().isAfter(r.time()) ? record.time() : r.time();
                ErrorRecord updated = new ErrorRecord(r.id(), last, r.kind(), r.info(), r.data(), r.path(), r.provider(),
                        r.count() + 1, r.firstTime());
                records.set(i, updated);
                return updated;
            }
        }
        ErrorRecord stored = append(record);
        counted.put(key, stored.id());
        return stored;
    }

    @Override
    public synchronized List<ErrorRecord> list(ErrorQuery query, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        return records.stream().filter(query::matches)
                .sorted(Comparator.comparing(ErrorRecord::time).thenComparing(r -> Long.parseLong(r.id())).reversed())
                .skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized int purgeOlderThan(Instant cutoff) {
        int before = records.size();
        records.removeIf(r -> r.time().isBefore(cutoff));
        counted.values().removeIf(id -> records.stream().noneMatch(r -> r.id().equals(id)));
        return before - records.size();
    }

    /**
     * All records, oldest first: handy in tests.
     *
     * @return a copy of every record
     */
    public synchronized List<ErrorRecord> all() {
        return List.copyOf(records);
    }
}
