package org.anzexian.claim;

import org.anzexian.hazard.HazardCategory;

/** Accident types of a report (N6.5), each with the hazard area a rectification item of it falls in. */
public enum AccidentType {
    FALL_FROM_HEIGHT("高处坠落", HazardCategory.WORK_AT_HEIGHT),
    STRUCK_BY_OBJECT("物体打击", HazardCategory.SITE_SAFETY_MANAGEMENT),
    COLLAPSE("坍塌", HazardCategory.FORMWORK_SUPPORT),
    LIFTING_INJURY("起重伤害", HazardCategory.LIFTING_MACHINERY),
    ELECTRIC_SHOCK("触电", HazardCategory.TEMPORARY_POWER),
    MACHINERY_INJURY("机械伤害", HazardCategory.SITE_SAFETY_MANAGEMENT),
    OTHER("其他", HazardCategory.OTHER);

    private final String label;
    private final HazardCategory hazardCategory;

    AccidentType(String label, HazardCategory hazardCategory) {
        this.label = label;
        this.hazardCategory = hazardCategory;
    }

    public String label() {
        return label;
    }

    HazardCategory hazardCategory() {
        return hazardCategory;
    }
}
