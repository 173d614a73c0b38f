package io.gatehouse.sso.core.provider;

import io.gatehouse.sso.core.settings.EmailAddresses;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * django-allauth's {@code VERIFIED_EMAIL} (in an app's settings {@code verified_email}): treat the addresses a
 * provider sends as verified even when it does not say so. {@code true} trusts every address, a list of domains
 * trusts the addresses in them; the default, {@code false}, trusts only what the IdP marks verified. A trusted
 * address counts as verified everywhere: sign-up without a confirmation mail, linking and signing in by email.
 *
 * <pre>{@code
 * VerifiedEmailSetting trust = VerifiedEmailSetting.of(ProviderSettings.of(Map.of("VERIFIED_EMAIL", List.of("example.com"))));
 * ProviderProfile profile = trust.applyTo(result.profile()); // ada@example.com now verified, eve@elsewhere.org not
 * }</pre>
 */
public final class VerifiedEmailSetting {
    /** The setting's name; compared case-insensitively like every provider setting. */
    public static final String KEY = "VERIFIED_EMAIL";

    private static final VerifiedEmailSetting NONE = new VerifiedEmailSetting(false, Set.of());

    private final boolean all;
    private final Set<String> domains;

    private VerifiedEmailSetting(boolean all, Set<String> domains) {
        this.all = all;
        this.domains = domains;
    }

    /**
     * @param settings the app's effective settings
     * @throws InvalidProviderSettingException when the value is neither a boolean nor a list of domains
     * @return the setting; trusting nothing when absent
     */
    public static VerifiedEmailSetting of(ProviderSettings settings) {
        Optional<Object> raw = settings.get(KEY);
        if (raw.isEmpty() || raw.get() instanceof Boolean b && !b) {
            return NONE;
        }
        Object value = raw.get();
        if (value instanceof Boolean || value instanceof String s && s.trim().equalsIgnoreCase("true")) {
            return new VerifiedEmailSetting(true, Set.of());
        }
        if (value instanceof String s && s.trim().equalsIgnoreCase("false")) {
            return NONE;
        }
        if (value instanceof List<?> list) {
            Set<String> domains = new TreeSet<>();
            for (Object item : list) {
                String domain = item instanceof String s ? s.trim().toLowerCase(Locale.ROOT).replaceFirst("^@", "") : "";
                if (!domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
                    throw invalid("lists '" + item + "', which is not an email domain such as example.com");
                }
                domains.add(domain);
            }
            return domains.isEmpty() ? NONE : new VerifiedEmailSetting(false, Set.copyOf(domains));
        }
        throw invalid("is '" + value + "'");
    }

    private static InvalidProviderSettingException invalid(String what) {
        return new InvalidProviderSettingException(KEY, "provider setting '" + KEY + "' " + what
                + "; it must be true, false or a list of email domains such as [example.com]");
    }

    /**
     * Whether the setting trusts this address.
     *
     * @param address an email address
     * @return true when the setting trusts its domain (or every address)
     */
    public boolean trusts(String address) {
        return all || EmailAddresses.domainOf(address).map(d -> domains.contains(d.toLowerCase(Locale.ROOT))).orElse(false);
    }

    /**
     * The profile with every trusted address marked verified; the same profile when nothing changes.
     *
     * @param profile the IdP's profile
     * @return the profile with trusted addresses verified
     */
    public ProviderProfile applyTo(ProviderProfile profile) {
        if (this == NONE || profile.emails().stream().allMatch(e -> e.verified() || !trusts(e.address()))) {
            return profile;
        }
        List<EmailAddress> emails = profile.emails().stream()
                .map(e -> e.verified() || !trusts(e.address()) ? e : new EmailAddress(e.address(), true, e.primary()))
                .toList();
        return new ProviderProfile(profile.uid(), emails, profile.username(), profile.firstName(), profile.lastName(),
                profile.claims());
    }

    @Override
    public String toString() {
        return "VerifiedEmailSetting[" + (all ? "every address" : domains.isEmpty() ? "none" : domains) + "]";
    }
}
