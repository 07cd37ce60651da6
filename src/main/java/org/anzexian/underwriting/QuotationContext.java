package org.anzexian.underwriting;

import java.util.List;

/**
 * What the underwriting tasks show about a quotation (#12): the project, the parties, the letter, the
 * application's documents (downloadable at {@code url} by the quotation's parties) and the review, with
 * amounts already written as {@code ¥1,234.50} and dates in the business time zone.
 */
public record QuotationContext(
        long quotationId,
        QuotationStatus status,
        Project project,
        String builderName,
        String insurerName,
        Letter letter,
        List<Document> documents,
        String appliedAt,
        String reviewReason) {

    public QuotationContext {
        documents = List.copyOf(documents);
    }

    public record Project(String code, String name, String county, String siteAddress, String category,
            String contractAmount, String contractPeriod) {
    }

    /** The quotation letter (N4.4), null before it is issued. */
    public record Letter(String insurancePlan, String premiumRate, String premium, String deathDisabilityLimit,
            String totalLimit, String preventionPlan, String preventionFeePercent, String issuedAt,
            String policyPeriod) {
    }

    /** One document of the application (N6.1). */
    public record Document(String label, String fileName, String sha256, String url) {
    }
}
