/**
 * The importer of an InvenTree (django-allauth) database into Gatehouse's stores: social applications with
 * their sites and settings, users with their identities and tokens, and groups. {@link
 * io.gatehouse.sso.inventree.InvenTreeImport} reads everything first, then writes through the persistence SPI
 * ({@link io.gatehouse.sso.inventree.ImportTarget}); {@link io.gatehouse.sso.inventree.InvenTreeImportCommand} runs
 * it from the command line into the JDBC store. A dry run reports what would be done and writes nothing.
 *
 * <pre>{@code
 * ImportReport report = new InvenTreeImport(source, target, ImportOptions.defaults().asDryRun()).run();
 * log.info("{}", report.render());
 * }</pre>
 */
package io.gatehouse.sso.inventree;
