package io.gatehouse.sso.core.provider;

import io.gatehouse.sso.spi.SocialApp;

import java.util.Objects;

/**
 * The app chosen for a login, with its backend and effective settings.
 *
 * @param app      the social application
 * @param backend  the provider implementation
 * @param settings {@code social_providers.<provider>}, overlaid by {@code social_providers.<app name>},
 *                 overlaid by the app's own settings
 */
public record SelectedApp(SocialApp app, ProviderBackend backend, ProviderSettings settings) {
    /**
     * Requires every part.
     *
     * @param app the social application
     * @param backend the provider implementation
     * @param settings {@code social_providers.<provider>}, overlaid by {@code social_providers.<app name>}, overlaid by
     *     the app's own settings
     */
    public SelectedApp {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * The id in this app's URLs ({@code /accounts/<routeId>/login/}).
     *
     * @return the route id
     */
    public String routeId() {
        return app.routeId();
    }

    /**
     * The label for this app's login button: its name, or the provider's display name when the name says nothing more.
     *
     * @return the label
     */
    public String displayName() {
        return app.name().isBlank() || app.name().equals(backend.id()) ? backend.displayName() : app.name();
    }
}
