package org.anzexian.filing.creditlist;

/** The lists the city bureau keeps; insurers are barred by the first two (N3.7), service organizations by all (N7.3). */
public enum CreditListType {
    SERIOUS_DISHONESTY("严重失信主体名单"),
    DISHONEST_JUDGMENT_DEBTOR("失信被执行人"),
    ENFORCEMENT_OR_BAD_CONDUCT("行政处罚或不良行为记录");

    private final String label;

    CreditListType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
