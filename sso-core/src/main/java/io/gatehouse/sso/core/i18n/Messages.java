package io.gatehouse.sso.core.i18n;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every text Gatehouse shows, from message bundles ({@code .properties} files, UTF-8) looked up in order: the
 * host's bundle {@value #HOST_BUNDLE} first (so a host overrides any message, or adds a language, by putting
 * {@code gatehouse-messages.properties} or {@code gatehouse-messages_fr.properties} on the class path, no code
 * needed), then the bundles of the module showing the text. English is the base bundle and the fallback;
 * Gatehouse ships English and German. Placeholders are {@code {0}}, {@code {1}}...; nothing else in a text is
 * special (no {@link java.text.MessageFormat} quoting).
 *
 * <pre>{@code
 * Messages messages = Messages.of("io.gatehouse.sso.admin.messages");
 * Locale reader = messages.negotiate(request.getHeader("Accept-Language")); // e.g. de for "de-DE,de;q=0.9,en;q=0.8"
 * String title = messages.text(reader, "admin.errors.title");
 * }</pre>
 */
public final class Messages {
    /** The base name of the host's own bundle, looked up before Gatehouse's. */
    public static final String HOST_BUNDLE = "gatehouse-messages";
    /** Gatehouse's core texts: failure messages, the confirmation mail, diagnostics. */
    public static final String CORE_BUNDLE = "io.gatehouse.sso.core.i18n.messages";
    /** The languages Gatehouse ships complete. */
    public static final List<Locale> SHIPPED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final List<String> baseNames;
    private final ClassLoader loader;
    private final Map<String, Boolean> languages = new ConcurrentHashMap<>();

    private Messages(List<String> baseNames, ClassLoader loader) {
        this.baseNames = List.copyOf(baseNames);
        this.loader = loader;
    }

    /**
     * The host's bundle, then the given module bundles, then the core's, from the class loader that loaded Gatehouse.
     *
     * @param moduleBundles base names such as {@code io.gatehouse.sso.admin.messages}, most specific first
     * @return the bundles
     */
    public static Messages of(String... moduleBundles) {
        List<String> names = new ArrayList<>();
        names.add(HOST_BUNDLE);
        Collections.addAll(names, moduleBundles);
        names.add(CORE_BUNDLE);
        return new Messages(names, Messages.class.getClassLoader());
    }

    /**
     * Exactly these bundles, in this order, from this class loader (a host with bundles under other names).
     *
     * @param baseNames bundle base names, most specific first
     * @param loader the class loader to read them from
     * @return the bundles
     */
    public static Messages of(List<String> baseNames, ClassLoader loader) {
        return new Messages(baseNames, loader);
    }

    /**
     * The bundles looked up, in order.
     *
     * @return the base names, most specific first
     */
    public List<String> baseNames() {
        return baseNames;
    }

    /**
     * The language to answer in: the first language of an {@code Accept-Language} header that some bundle has,
     * else English (also for a missing or malformed header).
     *
     * @param acceptLanguage the header's value, or null
     * @return a locale some bundle has, English by default
     */
    public Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String language = range.getRange().split("-")[0];
            if (language.equals("*") || language.equals("en")) {
                return Locale.ENGLISH;
            }
            if (language.matches("[a-z]{2,8}") && hasLanguage(language)) {
                return Locale.forLanguageTag(language);
            }
        }
        return Locale.ENGLISH;
    }

    private boolean hasLanguage(String language) {
        return languages.computeIfAbsent(language, l -> baseNames.stream()
                .anyMatch(base -> bundle(base, Locale.forLanguageTag(l)).map(b -> b.getLocale().getLanguage().equals(l))
                        .orElse(false)));
    }

    /**
     * The text of a key in a language, with its placeholders filled; the key itself when no bundle has it.
     *
     * @param locale the language
     * @param key the bundle key
     * @param args the placeholder values
     * @return the text
     */
    public String text(Locale locale, String key, Object... args) {
        String pattern = pattern(locale, key).orElse(key);
        return format(pattern, args);
    }

    /**
     * A {@link Message} in a language.
     *
     * @param locale the language
     * @param message the key and arguments
     * @return the text
     */
    public String text(Locale locale, Message message) {
        return text(locale, message.key(), message.args().toArray());
    }

    /**
     * The raw text of a key in a language (falling back to English), or empty when no bundle has the key.
     *
     * @param locale the language
     * @param key the bundle key
     * @return the pattern with its placeholders unfilled
     */
    public Optional<String> pattern(Locale locale, String key) {
        for (String base : baseNames) {
            Optional<ResourceBundle> bundle = bundle(base, locale);
            if (bundle.isPresent() && bundle.get().containsKey(key)) {
                return Optional.of(bundle.get().getString(key));
            }
        }
        return Optional.empty();
    }

    private Optional<ResourceBundle> bundle(String baseName, Locale locale) {
        try {
            return Optional.of(ResourceBundle.getBundle(baseName, locale, loader, NO_FALLBACK));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    /**
     * Fills the {@code {0}}, {@code {1}}... of a pattern in one pass, so a value that itself contains {@code {1}} stays as
     * it is. For markup around a value: {@code Messages.format(escape(pattern), "<strong>" + escape(value) + "</strong>")}.
     *
     * @param pattern the text with {@code {0}}-style placeholders
     * @param args    the values, in placeholder order; a placeholder without a value stays as it is
     * @return the filled text
     */
    public static String format(String pattern, Object... args) {
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close == i + 2 && Character.isDigit(pattern.charAt(i + 1)) && pattern.charAt(i + 1) - '0' < args.length) {
                out.append(args[pattern.charAt(i + 1) - '0']);
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
