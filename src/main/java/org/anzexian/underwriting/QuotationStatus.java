package org.anzexian.underwriting;

/** Where a quotation stands, from the request to one insurer to the policy. */
public enum QuotationStatus {
    REQUESTED("待报价"),
    ISSUED("已出具报价函"),
    DECLINED("拒绝报价"),
    NOT_ACCEPTED("施工单位未接受"),
    APPLIED("已投保待核保"),
    NEEDS_CORRECTION("退回补正"),
    UNDERWRITTEN("已核保待缴费"),
    UNDERWRITING_DECLINED("拒绝承保"),
    LAPSED("已失效（选择了其他报价）"),
    POLICY_ISSUED("已出单");

    private final String label;

    QuotationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
