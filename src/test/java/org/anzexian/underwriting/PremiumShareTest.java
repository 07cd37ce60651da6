package org.anzexian.underwriting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.anzexian.registry.project.PermitStatus;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectCategory;
import org.anzexian.registry.project.ProjectSubtype;
import org.junit.jupiter.api.Test;

/** The premium split of N2.2/N2.3 on its own: shares by percent, rounding settled so nothing is lost. */
class PremiumShareTest {

    @Test
    void theGeneralContractorBearsWhatSubcontractorsDoNot_N2_2() {
        Project project = project(List.of(), List.of(new Project.Subcontractor(7, new BigDecimal("12.5"))));

        List<PremiumShare> shares = PremiumShare.of(new BigDecimal("18000.00"), project, id -> "单位" + id);

        assertThat(shares).extracting(PremiumShare::organizationId, PremiumShare::party, PremiumShare::amount)
                .containsExactly(
                        tuple(7L, PremiumShare.Party.SUBCONTRACTOR, new BigDecimal("2250.00")),
                        tuple(1L, PremiumShare.Party.GENERAL_CONTRACTOR, new BigDecimal("15750.00")));
    }

    @Test
    void roundingCentsGoToTheLastMemberSoTheSharesAddUpToThePremium_N2_3() {
        Project project = project(List.of(new Project.JointVentureMember(1, true, new BigDecimal("33.33")),
                new Project.JointVentureMember(2, false, new BigDecimal("33.33")),
                new Project.JointVentureMember(3, false, new BigDecimal("33.34"))), List.of());

        List<PremiumShare> shares = PremiumShare.of(new BigDecimal("100.00"), project, id -> "成员" + id);

        assertThat(shares).extracting(PremiumShare::amount).containsExactly(new BigDecimal("33.33"),
                new BigDecimal("33.33"), new BigDecimal("33.34"));
        assertThat(PremiumShare.of(new BigDecimal("0.10"), project, id -> "成员" + id).stream()
                .map(PremiumShare::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0.10");
    }

    private static Project project(List<Project.JointVentureMember> members, List<Project.Subcontractor> subcontractors) {
        LocalDate start = LocalDate.of(2026, 12, 1);
        return new Project(9, "P-1", "测试", "地址", "140902", ProjectCategory.BUILDING, ProjectSubtype.RESIDENTIAL,
                new BigDecimal("12000000"), start, start.plusMonths(18), PermitStatus.NONE, 1, null, members,
                subcontractors, List.of());
    }
}
