package io.gatehouse.sso.inventree;

import java.util.List;

/**
 * The source database lacks tables the importer reads: it is not an InvenTree / django-allauth database, or the
 * connection points at another database or schema. Nothing was read or written.
 */
public class NotAnAllauthDatabaseException extends RuntimeException {
    /** The tables that were not found. */
    private final List<String> missingTables;

    /**
     * A source without the tables the importer reads.
     *
     * @param missingTables the tables that were not found
     */
    public NotAnAllauthDatabaseException(List<String> missingTables) {
        super("The source database has no table " + String.join(", ", missingTables) + ": is it an InvenTree (django-allauth)"
                + " database, and does the connection name the right database and schema? Nothing was imported.");
        this.missingTables = List.copyOf(missingTables);
    }

    /**
     * The tables that were not found.
     *
     * @return the table names
     */
    public List<String> missingTables() {
        return missingTables;
    }
}
