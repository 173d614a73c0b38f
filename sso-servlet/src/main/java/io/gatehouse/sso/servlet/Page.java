package io.gatehouse.sso.servlet;

import io.gatehouse.sso.core.SignupDetails;

import java.util.Map;
import java.util.Objects;

/**
 * A page the servlet shows, as data: a {@link PageRenderer} turns it into HTML. Every string here is
 * raw text (renderers must escape it, see {@link Html#escape}); every URL is already safe (same-origin
 * paths the servlet built).
 *
 * <pre>{@code
 * String html;
 * if (page instanceof Page.Error e) {
 *     html = layout("<h1>" + Html.escape(e.message()) + "</h1>");
 * } else {
 *     html = new MinimalPageRenderer().render(page, request);
 * }
 * }</pre>
 */
public sealed interface Page {

    /**
     * The HTTP status to answer with.
     *
     * @return 200 by default
     */
    default int status() {
        return 200;
    }

    /**
     * A failed step.
     *
     * @param status     HTTP status
     * @param code       stable code, e.g. {@code state_mismatch} (the {@code FailureCode}s, plus the servlet's own
     *                   {@code bad_request}, {@code not_found}, {@code method_not_allowed}, {@code csrf_failed},
     *                   {@code not_connected})
     * @param message    a sentence the user may see, in the language of the page ({@link SsoServlet#LOCALE_ATTRIBUTE})
     * @param errorLogId id of the error-log record an admin can look up, or null
     * @param backUrl    where a "continue" link may point
     */
    record Error(int status, String code, String message, String errorLogId, String backUrl) implements Page {
        /**
         * Requires the code, message and back URL.
         *
         * @param status HTTP status
         * @param code stable code, e.g. {@code state_mismatch} (the {@code FailureCode}s, plus the servlet's own {@code
         *     bad_request}, {@code not_found}, {@code method_not_allowed}, {@code csrf_failed}, {@code not_connected})
         * @param message a sentence the user may see
         * @param errorLogId id of the error-log record an admin can look up, or null
         * @param backUrl where a "continue" link may point
         */
        public Error {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(backUrl, "backUrl");
        }
    }

    /**
     * The account was created inactive: the user must confirm their email first.
     *
     * @param email    where the confirmation link went
     * @param mailSent false when sending failed (the admin finds it in the error log)
     * @param backUrl  where a "continue" link may point
     */
    record CheckMail(String email, boolean mailSent, String backUrl) implements Page {
    }

    /**
     * The sign-up form shown when auto-fill ({@code LOGIN_SIGNUP_SSO_AUTO}) is off.
     *
     * @param actionUrl    where the form posts
     * @param values       the pre-filled values (fields {@code username}, {@code email}, {@code first_name}, {@code last_name})
     * @param providerName the provider the user came from, e.g. "GitHub"
     * @param hiddenFields extra hidden fields the form must carry ({@link CsrfCheck#hiddenFields})
     * @param error        why the last submission was not accepted (in the reader's language), or null on first display
     * @param errorField   the field {@code error} is about ({@code username}, {@code email}...), or null
     */
    record SignupForm(String actionUrl, SignupDetails values, String providerName, Map<String, String> hiddenFields,
                      String error, String errorField) implements Page {
        /**
         * Copies the hidden fields (immutable).
         *
         * @param actionUrl where the form posts
         * @param values the pre-filled values (fields {@code username}, {@code email}, {@code first_name}, {@code
         *     last_name})
         * @param providerName the provider the user came from, e.g. "GitHub"
         * @param hiddenFields extra hidden fields the form must carry ({@link CsrfCheck#hiddenFields})
         * @param error why the last submission was not accepted, or null on first display
         * @param errorField the field {@code error} is about, or null
         */
        public SignupForm {
            hiddenFields = Map.copyOf(hiddenFields);
        }

        /**
         * A form whose error is about no particular field.
         *
         * @param actionUrl    where the form posts
         * @param values       the pre-filled values
         * @param providerName the provider the user came from, e.g. "GitHub"
         * @param hiddenFields extra hidden fields the form must carry
         * @param error        why the last submission was not accepted, or null on first display
         */
        public SignupForm(String actionUrl, SignupDetails values, String providerName, Map<String, String> hiddenFields,
                          String error) {
            this(actionUrl, values, providerName, hiddenFields, error, null);
        }

        @Override
        public int status() {
            return error == null ? 200 : 400;
        }
    }

    /**
     * Asks the user to confirm their email with a button: the link in the mail only shows this page,
     * so a mail scanner that fetches links does not use it up.
     *
     * @param actionUrl    where the form posts
     * @param hiddenFields extra hidden fields the form must carry
     */
    record ConfirmEmail(String actionUrl, Map<String, String> hiddenFields) implements Page {
        /**
         * Copies the hidden fields (immutable).
         *
         * @param actionUrl where the form posts
         * @param hiddenFields extra hidden fields the form must carry
         */
        public ConfirmEmail {
            hiddenFields = Map.copyOf(hiddenFields);
        }
    }

    /**
     * The email is confirmed and the account active; the user signs in next (the confirmation came from
     * another browser session than the sign-up, so it does not sign anyone in).
     *
     * @param backUrl where a "continue" link may point
     */
    record EmailConfirmed(String backUrl) implements Page {
    }
}
