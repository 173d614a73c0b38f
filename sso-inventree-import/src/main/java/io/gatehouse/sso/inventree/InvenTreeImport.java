package io.gatehouse.sso.inventree;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Objects;

/**
 * Brings an InvenTree installation's single sign-on data into Gatehouse: django-allauth's social applications (with
 * their sites), the Django users that have social accounts (with their group memberships), their social accounts
 * (same provider and uid, so every identity keeps signing in as its user) and tokens. It reads the InvenTree
 * database over JDBC and writes through Gatehouse's persistence SPI.
 *
 * <p>Running it again changes nothing: what Gatehouse has already is left as it is. A dry run reports what would be
 * done and writes nothing. A row that cannot be imported is reported with the reason and the import goes on; a
 * user with such a row is left out entirely, never half-imported.
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.create(gatehouseDataSource, keys);
 * ImportReport report = new InvenTreeImport(invenTreeDataSource,
 *         new ImportTarget(stores.socialApps(), stores.socialAccounts(), stores.users(), stores.groups()),
 *         ImportOptions.defaults()).run();
 * log.info("{}", report.render());
 * }</pre>
 */
public final class InvenTreeImport {
    private final DataSource source;
    private final ImportTarget target;
    private final ImportOptions options;
    private final Clock clock;

    /**
     * @param source  the InvenTree database (read only)
     * @param target  Gatehouse's stores
     * @param options dry run, sites, extra provider ids
     */
    public InvenTreeImport(DataSource source, ImportTarget target, ImportOptions options) {
        this(source, target, options, Clock.systemUTC());
    }

    InvenTreeImport(DataSource source, ImportTarget target, ImportOptions options, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads everything first, then imports app by app and user by user.
     *
     * @throws NotAnAllauthDatabaseException when the source lacks allauth's or Django's tables (nothing is written)
     * @throws io.gatehouse.sso.spi.PersistenceException when the source cannot be read (nothing is written)
     * @return what was imported, and what was not and why
     */
    public ImportReport run() {
        AllauthData data = new AllauthTables(source).read();
        ProviderModules modules = ProviderModules.onClassPath(options.extraProviders());
        ImportReport.Lines lines = new ImportReport.Lines();
        AppImport apps = new AppImport(target.apps(), modules, options);
        data.apps().forEach(app -> apps.run(app, lines));
        new UserImport(target, modules, options, clock.instant()).run(data, lines);
        return lines.report(options.dryRun(), data.usersWithoutSso());
    }
}
