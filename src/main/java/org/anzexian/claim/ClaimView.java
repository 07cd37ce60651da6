package org.anzexian.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/claims/{id}/view}: a claim with what a person deciding on it must see next to it (#12):
 * the project, the parties by name, the policy's limits and the files by name with their download
 * links ({@code /api/files/{sha256}}, readable by whoever may read the claim).
 *
 * @param accidentTypeLabel the accident type as people name it (高处坠落 …)
 * @param channelLabel      how the accident came in, as people name it
 * @param caseSummary the line that tells the claim apart in a task list (process variable {@code caseSummary})
 * @param photos      the site photos of the report
 * @param documents   the files of every submission, in the order provided
 */
public record ClaimView(
        Claim claim,
        String projectCode,
        String projectName,
        String siteAddress,
        String county,
        String insurerName,
        String builderName,
        LocalDate policyStart,
        LocalDate policyEnd,
        BigDecimal deathDisabilityLimit,
        BigDecimal totalLimit,
        String accidentTypeLabel,
        String channelLabel,
        String caseSummary,
        List<FileLink> photos,
        List<FileLink> documents) {

    /** A stored file with the link that downloads it. */
    public record FileLink(String sha256, String name, String contentType, String url) {
    }
}
