package org.anzexian.platform.web;

/** A page of a list: {@code page} counts from 0. */
public record PageQuery(int page, int size) {

    public static final int MAX_SIZE = 200;

    public PageQuery {
        FieldViolations violations = new FieldViolations();
        if (page < 0) {
            violations.add("page", "页码不能小于 0 (page must be >= 0)");
        }
        if (size < 1 || size > MAX_SIZE) {
            violations.add("size", "每页条数须在 1 到 " + MAX_SIZE + " 之间 (size must be 1.." + MAX_SIZE + ")");
        }
        violations.throwIfAny();
    }

    public long offset() {
        return (long) page * size;
    }
}
