package org.anzexian.hazard;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A hazard to open for rectification. {@code verifierOrgId} is the organization whose members verify
 * the evidence and close the hazard (the service organization that found it, or for a claim's
 * recommendation the project's service organization); {@code sourceId} is the visit or claim id.
 */
public record NewHazard(
        long projectId,
        @NotNull Long policyId,
        @NotNull HazardSource source,
        long sourceId,
        @NotNull HazardCategory category,
        @NotNull HazardSeverity severity,
        @NotBlank @Size(max = 2000) String description,
        @NotBlank @Size(max = 400) String location,
        List<String> photos,
        @NotBlank @Size(max = 2000) String proposedMeasure,
        long verifierOrgId,
        @NotBlank String raisedBy) {

    public NewHazard {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }
}
