package org.anzexian.underwriting;

/** A row of the underwriting ledger (N4.5): the policy with the names of its construction unit and county. */
public record LedgerRow(Policy policy, String constructionUnitName, String countyName) {
}
