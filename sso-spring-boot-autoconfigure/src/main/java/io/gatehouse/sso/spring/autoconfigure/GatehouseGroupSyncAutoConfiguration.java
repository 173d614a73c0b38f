package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.groupsync.GroupSync;
import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.GroupStore;
import io.gatehouse.sso.spi.SettingsSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Group sync (when {@code sso-groupsync} is on the class path): a login listener of the engine that keeps the
 * user's local groups in step with the IdP's, under the live login settings ({@code LOGIN_ENABLE_SSO_GROUP_SYNC},
 * {@code SSO_GROUP_KEY}, {@code SSO_GROUP_MAP}, {@code SSO_REMOVE_GROUPS}). Those groups become the user's
 * Spring Security authorities.
 */
@AutoConfiguration(after = GatehouseJdbcAutoConfiguration.class)
@ConditionalOnClass(GroupSync.class)
@ConditionalOnBean({GroupStore.class, SettingsSource.class, ErrorLog.class})
public class GatehouseGroupSyncAutoConfiguration {

    /**
     * Group sync, registered as a login listener, unless the application defines one.
     *
     * @param groups the group store
     * @param settings the live login settings
     * @param errorLog where problems are recorded
     * @param clock the clock bean, if any; else the system UTC clock
     * @return the group sync
     */
    @Bean
    @ConditionalOnMissingBean
    public GroupSync gatehouseGroupSync(GroupStore groups, SettingsSource settings, ErrorLog errorLog,
                                        ObjectProvider<Clock> clock) {
        return new GroupSync(groups, settings, errorLog, clock.getIfAvailable(Clock::systemUTC));
    }
}
