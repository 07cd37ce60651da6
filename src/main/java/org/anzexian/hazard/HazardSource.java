package org.anzexian.hazard;

/** Where a hazard was found: on a prevention-service visit (N8.8) or in a claim's recommendations (N6.7). */
public enum HazardSource {
    VISIT,
    CLAIM_RECOMMENDATION
}
