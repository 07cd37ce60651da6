package org.anzexian.hazard;

import org.anzexian.registry.project.ProjectTitle;

/** A hazard with the title of its project, as its mails name it. */
record TitledHazard(Hazard hazard, ProjectTitle project) {
}
