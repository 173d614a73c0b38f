package io.gatehouse.sso.core.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A text to show, not yet in any language: a message key and the values for its {@code {0}}, {@code {1}}...
 * placeholders. {@link Messages#text} renders it in the reader's language.
 *
 * <pre>{@code
 * Message m = Message.of("check.callback_url.pass", "https://sso.example.com/accounts/keycloak/login/callback/");
 * String shown = messages.text(Locale.GERMAN, m);
 * }</pre>
 *
 * @param key  the message key
 * @param args the values, in placeholder order (raw text: escape them where they are shown)
 */
public record Message(String key, List<String> args) {
    /**
     * Requires the key; copies the arguments, a {@code null} argument becoming empty text.
     *
     * @param key the message key
     * @param args the values, in placeholder order (raw text: escape them where they are shown)
     */
    public Message {
        Objects.requireNonNull(key, "key");
        args = args == null ? List.of() : args.stream().map(a -> a == null ? "" : a).toList();
    }

    /**
     * A message with its arguments turned into text now ({@code String.valueOf}).
     *
     * @param key the bundle key
     * @param args the placeholder values, in order
     * @return the message
     */
    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.stream(args).map(String::valueOf).toList());
    }
}
