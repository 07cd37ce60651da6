package org.anzexian.registry.project;

/** The kind of works within a {@link ProjectCategory}. */
public enum ProjectSubtype {
    RESIDENTIAL(ProjectCategory.BUILDING, "住宅"),
    PUBLIC_BUILDING(ProjectCategory.BUILDING, "公共建筑"),
    INDUSTRIAL_PLANT(ProjectCategory.BUILDING, "工业厂房"),
    OTHER_BUILDING(ProjectCategory.BUILDING, "其他"),
    ROAD(ProjectCategory.MUNICIPAL, "道路"),
    BRIDGE(ProjectCategory.MUNICIPAL, "桥梁"),
    WATER_SUPPLY_DRAINAGE(ProjectCategory.MUNICIPAL, "给排水"),
    GAS_HEATING(ProjectCategory.MUNICIPAL, "燃气热力"),
    OTHER_MUNICIPAL(ProjectCategory.MUNICIPAL, "其他");

    private final ProjectCategory category;
    private final String label;

    ProjectSubtype(ProjectCategory category, String label) {
        this.category = category;
        this.label = label;
    }

    public ProjectCategory category() {
        return category;
    }

    public String label() {
        return label;
    }
}
