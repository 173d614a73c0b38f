package io.gatehouse.sso.core.diagnostics;

import io.gatehouse.sso.core.i18n.Message;
import io.gatehouse.sso.core.provider.ProviderBackend;
import io.gatehouse.sso.core.provider.SelectedApp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Settings of the application (and of {@code social_providers}) that its provider does not know: ignored, often a typo. */
final class SettingKeysCheck {
    static final String ID = "setting_keys";

    private SettingKeysCheck() {
    }

    static CheckResult check(SelectedApp selected) {
        Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        known.addAll(ProviderBackend.COMMON_SETTINGS);
        known.addAll(selected.backend().settingKeys());
        List<String> unknown = new ArrayList<>();
        selected.settings().keys().stream().filter(k -> !known.contains(k)).forEach(unknown::add);
        if (unknown.isEmpty()) {
            return CheckResult.pass(ID, Message.of("check.setting_keys.pass"));
        }
        return CheckResult.warn(ID, Message.of("check.setting_keys.unknown", String.join(", ", unknown), selected.backend().id()),
                Message.of("check.setting_keys.unknown.fix", String.join(", ", new TreeSet<>(selected.backend().settingKeys()))));
    }
}
