package io.gatehouse.sso.spring.actuate;

import io.gatehouse.sso.spi.GroupStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every {@link GroupStore} bean in a {@link MeteredGroupStore}, so the group changes of group sync (and
 * of anything else using the store) are counted.
 */
public final class MeteredGroupStores implements BeanPostProcessor {
    private final ObjectProvider<GatehouseMetrics> metrics;

    public MeteredGroupStores(ObjectProvider<GatehouseMetrics> metrics) {
        this.metrics = metrics;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof GroupStore store && !(bean instanceof MeteredGroupStore)
                ? new MeteredGroupStore(store, metrics::getObject) : bean;
    }
}
