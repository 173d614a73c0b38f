/**
 * What the login engine needs from mail: a {@link io.gatehouse.sso.core.mail.Mailer} that sends a
 * {@link io.gatehouse.sso.core.mail.MailMessage} and says whether it is configured (SSO registration
 * needs mail, as InvenTree's does). The SMTP implementation is the {@code sso-mail} module; a host
 * may supply its own.
 */
package io.gatehouse.sso.core.mail;
