package io.gatehouse.sso.inventree;

import java.util.List;

/**
 * The source database lacks tables the importer reads: it is not an InvenTree / django-allauth database, or the
 * connection points at another database or schema. Nothing was read or written.
 */
public class NotAnAllauthDatabaseException extends RuntimeException {
    private final List<String> missingTables;

    public NotAnAllauthDatabaseException(List<String> missingTables) {
        super("The source database has no table " + String.join(", ", missingTables) + ": is it an InvenTree (django-allauth)"
                + " database, and does the connection name the right database and schema? Nothing was imported.");
        this.missingTables = List.copyOf(missingTables);
    }

    /** The tables that were not found. */
    public List<String> missingTables() {
        return missingTables;
    }
}
