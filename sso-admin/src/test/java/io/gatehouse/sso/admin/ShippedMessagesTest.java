package io.gatehouse.sso.admin;

import io.gatehouse.sso.core.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
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

    /**
     * Every Gatehouse bundle on the class path ({@code messages.properties} under {@code io/gatehouse/sso}, in directories
     * or jars), so a module that adds one is covered without touching this test.
     */
    static Set<String> shippedBundles() throws IOException, URISyntaxException {
        Set<String> bases = new TreeSet<>();
        Enumeration<URL> roots = ShippedMessagesTest.class.getClassLoader().getResources("io/gatehouse/sso");
        while (roots.hasMoreElements()) {
            URL root = roots.nextElement();
            if (root.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) root.openConnection();
                connection.setUseCaches(false); // closing a cached jar would close it under the class loader
                try (JarFile jar = connection.getJarFile()) {
                    jar.stream().map(JarEntry::getName).filter(n -> n.endsWith("/messages.properties"))
                            .forEach(n -> bases.add("/" + n.substring(0, n.length() - ".properties".length())));
                }
            } else {
                Path dir = Path.of(root.toURI());
                Path classes = dir.getParent().getParent().getParent();
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(f -> f.getFileName().toString().equals("messages.properties"))
                            .map(f -> "/" + classes.relativize(f).toString().replace('\\', '/').replace(".properties", ""))
                            .forEach(bases::add);
                }
            }
        }
        return bases;
    }

    @Test
    void theScanFindsTheBundlesOfTheCoreTheServletAndTheAdmin() throws Exception {
        assertThat(shippedBundles()).contains("/io/gatehouse/sso/core/i18n/messages", "/io/gatehouse/sso/servlet/messages",
                "/io/gatehouse/sso/admin/messages");
    }

    @Test
    void everyShippedLanguageOfEveryBundleHasEveryKeyOfTheOthers() throws Exception {
        for (String base : shippedBundles()) {
            Set<String> english = new TreeSet<>(bundle(base + ".properties").stringPropertyNames());
            for (Locale language : Messages.SHIPPED) {
                if (language.equals(Locale.ENGLISH)) {
                    continue;
                }
                Properties translated = bundle(base + "_" + language + ".properties");
                Set<String> keys = new TreeSet<>(translated.stringPropertyNames());
                assertThat(keys).as("keys of " + base + " missing in " + language).containsAll(english);
                assertThat(english).as("keys of " + base + "_" + language + " missing in English").containsAll(keys);
                assertThat(translated.values()).as("blank texts in " + base + "_" + language).noneMatch(v -> v.toString().isBlank());
            }
        }
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
