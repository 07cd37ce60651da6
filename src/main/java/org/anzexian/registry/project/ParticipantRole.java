package org.anzexian.registry.project;

/** What a party other than the builders does on a project; a service organization must be none of them (N8.3). */
public enum ParticipantRole {
    SURVEY("勘察"),
    DESIGN("设计"),
    SUPERVISION("监理"),
    MATERIAL_SUPPLY("材料供应"),
    OTHER("其他");

    private final String label;

    ParticipantRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
