package io.gatehouse.sso.inventree;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What an import did (or, in a dry run, would do), row by row: what was created or updated, what was already
 * there, what was not imported and why, and notes for the admin. Never holds a secret or a token.
 *
 * <pre>{@code
 * ImportReport report = new InvenTreeImport(source, target, options).run();
 * log.info("{}", report.render());
 * if (!report.complete()) { ... report.entries(ImportReport.Kind.NOT_IMPORTED) ... }
 * }</pre>
 */
public final class ImportReport {

    /** What happened to one row (an app or a user with their identities). */
    public enum Kind {
        /** A new app, user or identity link was written (would be, in a dry run). */
        CREATED,
        /** An existing app or user was changed to match the source. */
        UPDATED,
        /** The row was there already, as in the source. */
        UNCHANGED,
        /** The row was not imported; the detail says why (an unknown provider, a username taken, ...). */
        NOT_IMPORTED,
        /** Something the admin should know that is not about one row's success. */
        NOTE
    }

    /**
     * One row of the report.
     *
     * @param kind    what happened
     * @param subject the row, e.g. {@code user 'ada' (auth_user 7)}
     * @param detail  what was done, or why not
     */
    public record Entry(Kind kind, String subject, String detail) {
        /**
         * Requires every part.
         *
         * @param kind what happened
         * @param subject the row, e.g. {@code user 'ada' (auth_user 7)}
         * @param detail what was done, or why not
         */
        public Entry {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(detail, "detail");
        }
    }

    private final boolean dryRun;
    private final List<Entry> entries;
    private final int usersWithoutSso;

    ImportReport(boolean dryRun, List<Entry> entries, int usersWithoutSso) {
        this.dryRun = dryRun;
        this.entries = List.copyOf(entries);
        this.usersWithoutSso = usersWithoutSso;
    }

    /**
     * Whether this report is of a dry run: nothing was written.
     *
     * @return true for a dry run
     */
    public boolean dryRun() {
        return dryRun;
    }

    /**
     * Every entry, in the order the rows were handled.
     *
     * @return the entries
     */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The entries of one kind, in order.
     *
     * @param kind the kind
     * @return the entries of that kind
     */
    public List<Entry> entries(Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }

    /**
     * True when every row was imported (or was there already).
     *
     * @return true when nothing is {@link Kind#NOT_IMPORTED}
     */
    public boolean complete() {
        return entries(Kind.NOT_IMPORTED).isEmpty();
    }

    /**
     * How many Django users have no social account: Gatehouse creates users only with an identity, so the host keeps
     * them.
     *
     * @return the number of Django users without a social account
     */
    public int usersWithoutSso() {
        return usersWithoutSso;
    }

    /**
     * The report as text, one line per entry, then a summary.
     *
     * @return the report text
     */
    public String render() {
        StringBuilder out = new StringBuilder("InvenTree import").append(dryRun ? " (dry run: nothing was written)" : "")
                .append('\n');
        for (Entry e : entries) {
            out.append("  ").append(String.format(Locale.ROOT, "%-14s", verb(e.kind()))).append(e.subject()).append(": ")
                    .append(e.detail()).append('\n');
        }
        out.append(count(Kind.CREATED)).append(dryRun ? " to create, " : " created, ").append(count(Kind.UPDATED))
                .append(dryRun ? " to update, " : " updated, ").append(count(Kind.UNCHANGED)).append(" unchanged, ")
                .append(count(Kind.NOT_IMPORTED)).append(" not imported");
        if (usersWithoutSso > 0) {
            out.append("; ").append(usersWithoutSso).append(" Django user").append(usersWithoutSso == 1 ? "" : "s")
                    .append(" without a social account left to the host");
        }
        return out.append('\n').toString();
    }

    private String verb(Kind kind) {
        return switch (kind) {
            case CREATED -> dryRun ? "would create" : "created";
            case UPDATED -> dryRun ? "would update" : "updated";
            case UNCHANGED -> "unchanged";
            case NOT_IMPORTED -> "NOT IMPORTED";
            case NOTE -> "note";
        };
    }

    private long count(Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).count();
    }

    @Override
    public String toString() {
        return render();
    }

    /** Collects entries while an import runs. */
    static final class Lines {
        private final List<Entry> entries = new ArrayList<>();

        void add(Kind kind, String subject, String detail) {
            entries.add(new Entry(kind, subject, detail));
        }

        ImportReport report(boolean dryRun, int usersWithoutSso) {
            return new ImportReport(dryRun, entries, usersWithoutSso);
        }
    }
}
