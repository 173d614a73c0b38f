package io.gatehouse.sso.inventree;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The command line's arguments. Passwords and keys never come from arguments (a process list shows them):
 * {@code INVENTREE_DB_PASSWORD}, {@code SSO_DB_PASSWORD} and {@code SSO_DB_KEYS} are read from the environment.
 *
 * @param sourceUrl  JDBC URL of the InvenTree database
 * @param sourceUser its user, or null when the URL carries it
 * @param targetUrl  JDBC URL of Gatehouse's database
 * @param targetUser its user, or null
 * @param options    dry run, sites, extra provider ids
 * @param help       print the usage and stop
 */
record CommandOptions(String sourceUrl, String sourceUser, String targetUrl, String targetUser, ImportOptions options,
                      boolean help) {

    static final String USAGE = """
            Usage: InvenTreeImportCommand --source <jdbc-url> --target <jdbc-url> [options]

              --source URL          the InvenTree database, e.g. jdbc:postgresql://db:5432/inventree
              --source-user NAME    its user (password: environment variable INVENTREE_DB_PASSWORD)
              --target URL          Gatehouse's database (the JDBC store), e.g. jdbc:postgresql://db:5432/app
              --target-user NAME    its user (password: SSO_DB_PASSWORD; the store's keys: SSO_DB_KEYS, required)
              --site DOMAIN         a site every imported app serves, instead of the database's (repeatable)
              --provider ID         a provider id the application has its own module for (repeatable)
              --dry-run             report what would be imported; write nothing
              --help                this text

            Exit status: 0 everything imported, 2 some rows not imported (listed), 1 the import did not run.
            """;

    /** @throws IllegalArgumentException naming the argument at fault */
    static CommandOptions parse(String... args) {
        String sourceUrl = null;
        String sourceUser = null;
        String targetUrl = null;
        String targetUser = null;
        boolean dryRun = false;
        Set<String> sites = new LinkedHashSet<>();
        Set<String> providers = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return new CommandOptions(null, null, null, null, ImportOptions.defaults(), true);
                }
                case "--dry-run" -> dryRun = true;
                case "--source" -> sourceUrl = value(args, ++i, arg);
                case "--source-user" -> sourceUser = value(args, ++i, arg);
                case "--target" -> targetUrl = value(args, ++i, arg);
                case "--target-user" -> targetUser = value(args, ++i, arg);
                case "--site" -> sites.add(value(args, ++i, arg).toLowerCase(java.util.Locale.ROOT));
                case "--provider" -> providers.add(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        if (sourceUrl == null || targetUrl == null) {
            throw new IllegalArgumentException("both --source (the InvenTree database) and --target (Gatehouse's) are needed");
        }
        ImportOptions options = new ImportOptions(dryRun, sites, providers);
        return new CommandOptions(sourceUrl, sourceUser, targetUrl, targetUser, options, false);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--") || args[index].isBlank()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    @Override
    public String toString() {
        // URLs may carry passwords
        return "CommandOptions[sourceUser=" + sourceUser + ", targetUser=" + targetUser + ", options=" + options + "]";
    }
}
