package io.gatehouse.sso.spi;

import java.util.List;
import java.util.Optional;

/**
 * The admin-edited social applications.
 *
 * <pre>{@code
 * SocialApp saved = apps.save(SocialApp.builder("github").name("GitHub").clientId("Iv1.abc").secret("secret")
 *         .sites("localhost").build());
 * List<SocialApp> github = apps.findByProvider("github");
 * }</pre>
 */
public interface SocialAppRepository {

    /**
     * All apps, ordered by provider, then name, then id.
     *
     * @return every app; empty when there is none
     */
    List<SocialApp> findAll();

    /**
     * Apps of one provider ({@link SocialApp#provider()}), ordered by name, then id.
     *
     * @param provider the provider id, e.g. {@code keycloak}
     * @return the provider's apps; empty when there is none
     */
    List<SocialApp> findByProvider(String provider);

    /**
     * The app with this store-assigned id.
     *
     * @param id the app id
     * @return the app, or empty when there is none with that id
     */
    Optional<SocialApp> findById(String id);

    /**
     * Inserts an app without id (assigning one) or replaces the app with the same id; returns what is stored.
     *
     * @param app the app to store
     * @return the stored app, with its id
     */
    SocialApp save(SocialApp app);

    /**
     * Deletes an app; false when there was none with that id.
     *
     * @param id the app id
     * @return true when an app was deleted
     */
    boolean delete(String id);
}
