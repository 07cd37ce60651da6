package org.anzexian.filing.serviceorg;

/** Class of a supervision qualification (监理资质); N7.2 asks for class B or higher. */
public enum QualificationClass {
    A("甲级"),
    B("乙级"),
    C("丙级");

    private final String label;

    QualificationClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this class is the given one or higher (A is higher than B). */
    public boolean atLeast(QualificationClass minimum) {
        return ordinal() <= minimum.ordinal();
    }
}
