package org.anzexian.service.visit;

/** What a visit record says: the team served on site, or the site refused or prevented the service (N8.5). */
public enum VisitOutcome {
    VISITED,
    REFUSED
}
