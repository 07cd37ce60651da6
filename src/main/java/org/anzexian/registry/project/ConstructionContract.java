package org.anzexian.registry.project;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A construction contract, the unit a policy covers (N2.4). Its amount and period span those of the
 * projects (phases) registered under it.
 */
public record ConstructionContract(
        long id, String number, long generalContractorId, BigDecimal amount, LocalDate start, LocalDate end) {
}
