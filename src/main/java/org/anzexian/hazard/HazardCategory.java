package org.anzexian.hazard;

/**
 * Areas of the 2022 national standard for identifying major hazards on building and municipal sites;
 * stored by name.
 */
public enum HazardCategory {
    SITE_SAFETY_MANAGEMENT("施工安全管理"),
    FOUNDATION_PIT("基坑工程"),
    FORMWORK_SUPPORT("模板工程及支撑体系"),
    SCAFFOLDING("脚手架工程"),
    LIFTING_MACHINERY("起重机械及吊装工程"),
    WORK_AT_HEIGHT("高处作业"),
    TEMPORARY_POWER("施工临时用电"),
    CONFINED_SPACE("有限空间作业"),
    DEMOLITION("拆除工程"),
    OTHER("其他");

    private final String label;

    HazardCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
