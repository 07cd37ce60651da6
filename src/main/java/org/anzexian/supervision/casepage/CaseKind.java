package org.anzexian.supervision.casepage;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of record that have a case page, by the path segment of {@code /portal/cases/{kind}/{id}}. */
public enum CaseKind {
    PROJECT("project", "项目"),
    POLICY("policy", "保单"),
    HAZARD("hazard", "隐患"),
    VISIT("visit", "巡查服务"),
    CLAIM("claim", "理赔"),
    INSURER_FILING("insurer-filing", "保险机构备案"),
    SERVICE_ORG_FILING("service-org-filing", "服务机构备案");

    private final String slug;
    private final String label;

    CaseKind(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    public String slug() {
        return slug;
    }

    public String label() {
        return label;
    }

    /** {@code /portal/cases/hazard/12}. */
    public String href(long id) {
        return "/portal/cases/" + slug + "/" + id;
    }

    public static Optional<CaseKind> ofSlug(String slug) {
        return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst();
    }
}
