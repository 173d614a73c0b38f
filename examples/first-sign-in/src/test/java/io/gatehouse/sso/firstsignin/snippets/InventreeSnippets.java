package io.gatehouse.sso.firstsignin.snippets;

import io.gatehouse.sso.spi.GroupStore;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.spi.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

// snippet:read
import io.gatehouse.sso.core.config.ConfigValues;     // io.gatehouse:sso-core
import io.gatehouse.sso.core.config.GatehouseConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
// end:read
// snippet:import
import io.gatehouse.sso.inventree.ImportOptions;     // io.gatehouse:sso-inventree-import
import io.gatehouse.sso.inventree.ImportReport;
import io.gatehouse.sso.inventree.ImportTarget;
import io.gatehouse.sso.inventree.InvenTreeImport;
// end:import

/** The Java of docs/inventree.md, compiled: build-checks' JavaSnippetsTest compares each region with the guide. */
final class InventreeSnippets {
    private static final Logger log = LoggerFactory.getLogger(InventreeSnippets.class);

    void read() {
        // snippet:read
        Path file = Path.of("config.yaml");                    // optional: InvenTree's config file
        GatehouseConfig config = GatehouseConfig.read(
                ConfigValues.of("INVENTREE_", System.getenv(), Files.exists(file) ? file : null, Map.of()));
        // end:read
    }

    void importUsers(DataSource invenTreeDataSource, SocialAppRepository myApps, SocialAccountRepository myAccounts,
                     UserDirectory myUsers, GroupStore myGroups) {
        // snippet:import
        ImportReport report = new InvenTreeImport(invenTreeDataSource,
                new ImportTarget(myApps, myAccounts, myUsers, myGroups),      // the host's SocialAppRepository, ...
                ImportOptions.defaults().asDryRun()).run();
        System.out.print(report.render());
        report.entries(ImportReport.Kind.NOT_IMPORTED).forEach(e -> log.warn("{}: {}", e.subject(), e.detail()));
        // end:import
    }
}
