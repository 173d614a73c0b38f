package io.gatehouse.sso.inventree;

import io.gatehouse.sso.jdbc.EmbeddedH2;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.spi.PersistenceException;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * The importer from the command line, writing into Gatehouse's JDBC store:
 *
 * <pre>{@code
 * export INVENTREE_DB_PASSWORD=... SSO_DB_PASSWORD=... SSO_DB_KEYS="k1:$(openssl rand -base64 32)"
 * mvn -q -pl sso-inventree-import -am compile exec:java -Dexec.args="--source jdbc:postgresql://db/inventree
 *     --source-user inventree --target jdbc:postgresql://db/app --target-user app --dry-run"
 * }</pre>
 *
 * The report goes to standard output; the exit status is 0 when everything was imported, 2 when some rows were
 * not (they are listed), 1 when the import could not run (bad arguments, an unreachable database, a database
 * without allauth's tables); then nothing was written.
 */
public final class InvenTreeImportCommand {

    private InvenTreeImportCommand() {
    }

    /**
     * Runs the import and exits the JVM with its status (0 complete, 2 rows not imported, 1 could not run).
     *
     * @param args the command-line options; {@code --help} lists them
     */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** The command without exiting the JVM: its exit status. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        CommandOptions command;
        try {
            command = CommandOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("InvenTree import: " + e.getMessage());
            err.print(CommandOptions.USAGE);
            return 1;
        }
        if (command.help()) {
            out.print(CommandOptions.USAGE);
            return 0;
        }
        try {
            DataSource source = new UrlDataSource(command.sourceUrl(), command.sourceUser(), env.get("INVENTREE_DB_PASSWORD"));
            JdbcStores stores = stores(command, env, err);
            ImportTarget target = new ImportTarget(stores.socialApps(), stores.socialAccounts(), stores.users(), stores.groups());
            ImportReport report = new InvenTreeImport(source, target, command.options()).run();
            out.print(report.render());
            return report.complete() ? 0 : 2;
        } catch (RuntimeException e) {
            // typed failures with messages made for the operator (none carries a password, key or token)
            err.println("InvenTree import stopped, nothing was imported: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Gatehouse's JDBC store. A dry run against a database without Gatehouse's tables plans against an empty scratch
     * store instead of creating them there: a dry run writes nothing.
     */
    private static JdbcStores stores(CommandOptions command, Map<String, String> env, PrintStream err) {
        String keys = env.get("SSO_DB_KEYS");
        if (keys == null || keys.isBlank()) {
            throw new IllegalArgumentException("set SSO_DB_KEYS to the JDBC store's key ring (the application's, e.g."
                    + " k1:<base64>): client secrets and tokens are encrypted with it");
        }
        SecretKeyRing ring = SecretKeyRing.parse(keys);
        DataSource target = new UrlDataSource(command.targetUrl(), command.targetUser(), env.get("SSO_DB_PASSWORD"));
        if (command.options().dryRun() && !hasGatehouseTables(target)) {
            err.println("The target database has no Gatehouse tables yet; the dry run compares with an empty store.");
            return JdbcStores.create(EmbeddedH2.inMemory("inventree-dry-run-" + UUID.randomUUID()), ring);
        }
        return JdbcStores.create(target, ring);
    }

    private static boolean hasGatehouseTables(DataSource target) {
        try (Connection c = target.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT 1 FROM sso_schema_version WHERE 1 = 0").close();
                return true;
            } catch (SQLException e) {
                return false;
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot connect to Gatehouse's database: " + e.getMessage(), e);
        }
    }
}
