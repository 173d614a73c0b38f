package io.gatehouse.sso.core;

/**
 * The user fields of a new SSO user: suggested from the IdP's profile, or filled in by the user on the
 * host's sign-up form when auto-fill ({@code LOGIN_SIGNUP_SSO_AUTO}) is off.
 *
 * @param username  requested username
 * @param email     email address
 * @param firstName given name
 * @param lastName  family name
 */
public record SignupDetails(String username, String email, String firstName, String lastName) {
    /**
     * Trims every part; {@code null} is empty.
     *
     * @param username requested username
     * @param email email address
     * @param firstName given name
     * @param lastName family name
     */
    public SignupDetails {
        username = username == null ? "" : username.trim();
        email = email == null ? "" : email.trim();
        firstName = firstName == null ? "" : firstName.trim();
        lastName = lastName == null ? "" : lastName.trim();
    }
}
