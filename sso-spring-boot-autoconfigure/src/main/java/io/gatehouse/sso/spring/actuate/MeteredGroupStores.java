package io.gatehouse.sso.spring.actuate;

import io.gatehouse.sso.spi.GroupStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps Gatehouse's own {@link GroupStore} bean ({@value #BEAN}) in a {@link MeteredGroupStore}, so the group
 * changes of group sync (and of anything else using the store) are counted. An application's own store is
 * left as it is: the application may inject it by its own type.
 */
public final class MeteredGroupStores implements BeanPostProcessor {
    /** The name of the auto-configured group store bean. */
    public static final String BEAN = "gatehouseGroups";

    private final ObjectProvider<GatehouseMetrics> metrics;

    /**
     * A post-processor that looks the metrics up only when the group store bean is created.
     *
     * @param metrics the metrics, resolved late
     */
    public MeteredGroupStores(ObjectProvider<GatehouseMetrics> metrics) {
        this.metrics = metrics;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return BEAN.equals(beanName) && bean instanceof GroupStore store ? new MeteredGroupStore(store, metrics::getObject) : bean;
    }
}
