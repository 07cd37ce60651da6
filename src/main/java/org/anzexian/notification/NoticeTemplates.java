package org.anzexian.notification;

/**
 * Keys of the platform's mail templates ({@code src/main/resources/mail-templates/<key>.txt}) and the
 * model variables each one needs; {@code baseUrl} is always supplied. A test keeps this list and the
 * files in step.
 */
public final class NoticeTemplates {

    // --- serviceorg-filing (#3): account and service-organization filing notices -------------

    /**
     * 账号已开通 — to a person whose login the city bureau created for an organization; never the
     * password. Model: {@code personName}, {@code userId}, {@code organizationName}.
     */
    public static final String ACCOUNT_CREATED = "account-created";

    /**
     * 机构已登记 — to an organization's contact when the city bureau registers it. Model:
     * {@code organizationName}, {@code creditCode}, {@code organizationType} (Chinese label).
     */
    public static final String ORGANIZATION_REGISTERED = "organization-registered";

    private NoticeTemplates() {
    }
}
