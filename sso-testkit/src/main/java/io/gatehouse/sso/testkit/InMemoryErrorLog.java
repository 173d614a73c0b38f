package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.ErrorRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Thread-safe in-memory {@link ErrorLog}.
 *
 * <pre>{@code
 * InMemoryErrorLog log = new InMemoryErrorLog();
 * List<ErrorRecord> newest = log.list(0, 20);
 * }</pre>
 */
public final class InMemoryErrorLog implements ErrorLog {
    private final List<ErrorRecord> records = new ArrayList<>();
    private long nextId = 1;

    @Override
    public synchronized ErrorRecord append(ErrorRecord record) {
        ErrorRecord stored = record.withId(Long.toString(nextId++));
        records.add(stored);
        return stored;
    }

    @Override
    public synchronized List<ErrorRecord> list(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        return records.stream()
                .sorted(Comparator.comparing(ErrorRecord::time).thenComparing(r -> Long.parseLong(r.id())).reversed())
                .skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized int purgeOlderThan(Instant cutoff) {
        int before = records.size();
        records.removeIf(r -> r.time().isBefore(cutoff));
        return before - records.size();
    }

    /** All records, oldest first: handy in tests. */
    public synchronized List<ErrorRecord> all() {
        return List.copyOf(records);
    }
}
