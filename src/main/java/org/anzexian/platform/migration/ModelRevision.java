package org.anzexian.platform.migration;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A model revision a user deployed (#13): who deployed it and when, why (the multipart part
 * {@code comment} or {@code why}, else the deployment name the Modeler sends), its resources, and the
 * process and decision versions it made live ({@code key:version}).
 */
public record ModelRevision(long id, String deploymentId, String deploymentName, String source, String why,
        List<String> resourceNames, List<String> definitions, String deployedBy, OffsetDateTime deployedAt) {

    public ModelRevision {
        resourceNames = List.copyOf(resourceNames);
        definitions = List.copyOf(definitions);
    }
}
