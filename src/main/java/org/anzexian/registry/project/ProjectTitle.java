package org.anzexian.registry.project;

/** How a mail or a list names a project: its code and name, without the parties a whole {@link Project} reads. */
public record ProjectTitle(long id, String code, String name) {
}
