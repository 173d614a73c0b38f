/**
 * Outgoing mail for Gatehouse SSO: {@link io.gatehouse.sso.mail.SmtpMailer}, an SMTP
 * {@link io.gatehouse.sso.core.mail.Mailer} configured with InvenTree's {@code EMAIL_*} settings
 * ({@link io.gatehouse.sso.mail.MailKeys}, read into {@link io.gatehouse.sso.mail.SmtpSettings}).
 *
 * <pre>{@code
 * LoginEngine engine = LoginEngine.builder(config).mailer(SmtpMailer.from(config.values())) ... .build();
 * }</pre>
 */
package io.gatehouse.sso.mail;
