package org.anzexian.underwriting;

import org.anzexian.registry.jurisdiction.Jurisdiction;
import org.anzexian.registry.jurisdiction.JurisdictionService;
import org.anzexian.registry.project.Project;
import org.springframework.stereotype.Component;

/**
 * The {@code caseSummary} process variable of the underwriting processes (#12): what tells cases apart
 * in a Tasklist list — the project's county, code and name, then the party and the amount, e.g.
 * {@code 忻府区 · XZ-2026-0001 某某住宅楼 · 某保险忻州中心支公司 · 合同 ¥12,000,000.00}.
 */
@Component
class CaseSummaries {

    static final int MAX_LENGTH = 120;

    private final JurisdictionService jurisdictions;

    CaseSummaries(JurisdictionService jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    /** The project's county name (or its code when the register does not know it). */
    String county(Project project) {
        return jurisdictions.find(project.jurisdictionCode()).map(Jurisdiction::name).orElse(project.jurisdictionCode());
    }

    String of(Project project, String... facts) {
        StringBuilder summary = new StringBuilder(county(project)).append(" · ").append(project.code()).append(' ')
                .append(project.name());
        for (String fact : facts) {
            if (fact != null && !fact.isBlank()) {
                summary.append(" · ").append(fact);
            }
        }
        return shorten(summary.toString());
    }

    static String shorten(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }
}
