package io.gatehouse.sso.core.provider;

import io.gatehouse.sso.spi.SocialApp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The effective settings of each app as {@link AppSelector} last merged them, and whether they passed the common
 * settings' check: reused while the app's own settings are equal (a store may hand out a new but equal copy at
 * every login), so a login does not merge and check them again. An admin's change makes them unequal, and the
 * next selection merges and checks anew.
 *
 * <pre>{@code
 * MergedAppSettings.Entry entry = merged.find(app, backend); // null: merge, then merged.remember(app, backend, settings)
 * }</pre>
 */
final class MergedAppSettings {
    /** More apps than any deployment has, so clearing the cache when full costs nothing in practice. */
    private static final int MAX_APPS = 1024;

    /** One app's merged settings. */
    static final class Entry {
        private final String backendId;
        private final String appName;
        private final Map<String, Object> appSettings;
        private final ProviderSettings settings;
        private volatile boolean checked;

        private Entry(String backendId, String appName, Map<String, Object> appSettings, ProviderSettings settings) {
            this.backendId = backendId;
            this.appName = appName;
            this.appSettings = appSettings;
            this.settings = settings;
        }

        private boolean isFor(SocialApp app, ProviderBackend backend) {
            return backendId.equals(backend.id()) && appName.equals(app.name()) && appSettings.equals(app.settings());
        }

        ProviderSettings settings() {
            return settings;
        }

        /** Whether these settings passed the check; they stay the same object as long as the entry lives. */
        boolean checked() {
            return checked;
        }

        void passedCheck() {
            checked = true;
        }
    }

    private final Map<String, Entry> byAppId = new ConcurrentHashMap<>();

    /** The entry for the app as it is now, or null when it was never merged or has changed since. */
    Entry find(SocialApp app, ProviderBackend backend) {
        Entry entry = app.id() == null ? null : byAppId.get(app.id());
        return entry != null && entry.isFor(app, backend) ? entry : null;
    }

    /** Remembers the app's newly merged settings (an app without an id, not yet stored, is not remembered). */
    Entry remember(SocialApp app, ProviderBackend backend, ProviderSettings settings) {
        Entry entry = new Entry(backend.id(), app.name(), app.settings(), settings);
        if (app.id() != null) {
            if (byAppId.size() >= MAX_APPS) {
                byAppId.clear();
            }
            byAppId.put(app.id(), entry);
        }
        return entry;
    }
}
