/**
 * SSO group sync: local groups follow the groups the identity provider sends at each login.
 *
 * <pre>{@code
 * LoginEngine engine = LoginEngine.builder(config)
 *         // ... stores, settings, error log
 *         .listener(new GroupSync(groupStore, settingsSource, errorLog, Clock.systemUTC()))
 *         .build();
 * }</pre>
 *
 * @see io.gatehouse.sso.groupsync.GroupSync
 */
package io.gatehouse.sso.groupsync;
