package org.anzexian.underwriting;

import java.time.LocalDate;

/** N1.3: a project with a construction permit and no effective policy. */
public record UninsuredProject(long projectId, String projectCode, String projectName, String siteAddress,
        String jurisdictionCode, long constructionUnitId, LocalDate contractStart, LocalDate contractEnd) {
}
