package org.anzexian.platform.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The password policy of every password set through a door (#11 finding 4): shortest length and the
 * least number of each character class; a password never contains the login, the name or the e-mail.
 * {@code seedingExempt} lets start-up seeding (demo logins, whose password is their id) skip the policy
 * when no user is logged in; it is on only with the demo data.
 */
@ConfigurationProperties(prefix = "anzexian.accounts.password")
public record PasswordRulesProperties(Integer minLength, Integer minLowercase, Integer minUppercase, Integer minDigits,
        Integer minSpecial, boolean seedingExempt) {

    public PasswordRulesProperties {
        minLength = minLength == null ? 8 : minLength;
        minLowercase = minLowercase == null ? 1 : minLowercase;
        minUppercase = minUppercase == null ? 1 : minUppercase;
        minDigits = minDigits == null ? 1 : minDigits;
        minSpecial = minSpecial == null ? 0 : minSpecial;
    }
}
