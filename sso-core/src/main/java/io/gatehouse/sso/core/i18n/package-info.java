/**
 * The texts Gatehouse shows, in the reader's language: {@link io.gatehouse.sso.core.i18n.Messages} looks keys up
 * in the host's bundle first ({@code gatehouse-messages*.properties}), then in the modules' own; a {@link
 * io.gatehouse.sso.core.i18n.Message} is a key with its arguments, turned into text only when shown.
 *
 * <pre>{@code
 * Messages messages = Messages.of();
 * String text = messages.text(messages.negotiate("de-DE,de;q=0.9"), Message.of("check.callback_url.ok", callbackUrl));
 * }</pre>
 */
package io.gatehouse.sso.core.i18n;
