package org.anzexian.notification;

/**
 * Keys of the platform's mail templates ({@code src/main/resources/mail-templates/<key>.txt}) and the
 * model variables each one needs; {@code baseUrl} is always supplied. A test keeps this list and the
 * files in step.
 */
public final class NoticeTemplates {

    /**
     * 机构已登记 — to an organization's contact when the city bureau registers it. Model:
     * {@code organizationName}, {@code creditCode}, {@code organizationType} (Chinese label).
     */
    public static final String ORGANIZATION_REGISTERED = "organization-registered";

    private NoticeTemplates() {
    }
}
