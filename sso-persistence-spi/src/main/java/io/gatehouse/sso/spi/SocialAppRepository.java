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

    /** All apps, ordered by provider, then name, then id. */
    List<SocialApp> findAll();

    /** Apps of one provider ({@link SocialApp#provider()}), ordered by name, then id. */
    List<SocialApp> findByProvider(String provider);

    Optional<SocialApp> findById(String id);

    /** Inserts an app without id (assigning one) or replaces the app with the same id; returns what is stored. */
    SocialApp save(SocialApp app);

    /** Deletes an app; false when there was none with that id. */
    boolean delete(String id);
}
