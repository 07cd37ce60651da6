package org.anzexian.registry.project;

/** 房屋建筑 or 市政基础设施: the two kinds of works the insurance covers. */
public enum ProjectCategory {
    BUILDING("房屋建筑工程"),
    MUNICIPAL("市政基础设施工程");

    private final String label;

    ProjectCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
