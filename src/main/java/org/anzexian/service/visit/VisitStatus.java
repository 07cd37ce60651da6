package org.anzexian.service.visit;

/** Where a visit stands; a missed or late visit keeps its flags ({@code missed}, {@code reportLate}). */
public enum VisitStatus {
    OPEN("待服务"),
    VISITED("已服务待上传报告"),
    REPORTED("报告已上传"),
    REFUSED("现场拒绝或阻挠服务");

    private final String label;

    VisitStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
