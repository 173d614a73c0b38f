package io.gatehouse.sso.admin;

import io.gatehouse.sso.core.i18n.Messages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped language has every key, and a host adds a language or a text with a properties file alone. */
class ShippedMessagesTest {

    static Properties bundle(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ShippedMessagesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/io/gatehouse/sso/admin/messages", "/io/gatehouse/sso/core/i18n/messages"})
    void everyShippedLanguageHasEveryKeyOfTheOthers(String base) throws IOException {
        Set<String> english = new TreeSet<>(bundle(base + ".properties").stringPropertyNames());
        Set<String> german = new TreeSet<>(bundle(base + "_de.properties").stringPropertyNames());

        assertThat(german).as("keys missing in German").containsAll(english);
        assertThat(english).as("keys missing in English").containsAll(german);
        assertThat(bundle(base + "_de.properties").values()).as("blank German texts").noneMatch(v -> v.toString().isBlank());
    }

    @Test
    void aHostBundleAddsALanguageAndTheRestFallsBackToEnglish() {
        Messages messages = Messages.of("io.gatehouse.sso.admin.messages");

        assertThat(messages.negotiate("fr-CH, fr;q=0.9")).isEqualTo(Locale.FRENCH);
        assertThat(messages.text(Locale.FRENCH, "admin.errors.title")).isEqualTo("Journal des erreurs");
        assertThat(messages.text(Locale.FRENCH, "admin.mail.title")).isEqualTo("Mail");
    }

    @Test
    void anUnknownOrMalformedLanguageGetsEnglishAndGermanIsChosenByWeight() {
        Messages messages = Messages.of("io.gatehouse.sso.admin.messages");

        assertThat(messages.negotiate("ja, zh;q=0.8")).isEqualTo(Locale.ENGLISH);
        assertThat(messages.negotiate("de;q=0.1, en;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(messages.negotiate("en;q=0.1, de;q=0.9")).isEqualTo(Locale.GERMAN);
        assertThat(messages.negotiate(";;;=")).isEqualTo(Locale.ENGLISH);
        assertThat(messages.negotiate(null)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void placeholdersAreFilledOnceSoAValueCannotInjectAnother() {
        Messages messages = Messages.of("io.gatehouse.sso.admin.messages");

        assertThat(messages.text(Locale.ENGLISH, "admin.check.title", "{1}")).isEqualTo("Check {1}");
    }
}
