package org.anzexian.underwriting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.anzexian.registry.project.Project;

/**
 * Who bears how much of a policy's premium (N2.2, N2.3): subcontractors their recorded share; the rest
 * the general contractor, or a joint venture's members in proportion to their shares. The buyer pays
 * the whole premium to the insurer in one payment (N4.3); the shares settle between the parties.
 */
public record PremiumShare(long organizationId, String organizationName, Party party, BigDecimal sharePercent,
        BigDecimal amount) {

    public enum Party {
        GENERAL_CONTRACTOR,
        JOINT_VENTURE_MEMBER,
        SUBCONTRACTOR
    }

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** The split of {@code premium} for the project; the amounts add up to the premium to the cent. */
    static List<PremiumShare> of(BigDecimal premium, Project project, LongFunction<String> organizationName) {
        List<PremiumShare> shares = new ArrayList<>();
        BigDecimal subcontracted = BigDecimal.ZERO;
        for (Project.Subcontractor subcontractor : project.subcontractors()) {
            shares.add(share(subcontractor.organizationId(), organizationName, Party.SUBCONTRACTOR,
                    subcontractor.premiumSharePercent(), premium));
            subcontracted = subcontracted.add(subcontractor.premiumSharePercent());
        }
        BigDecimal rest = HUNDRED.subtract(subcontracted);
        if (project.jointVentureMembers().isEmpty()) {
            shares.add(share(project.constructionUnitId(), organizationName, Party.GENERAL_CONTRACTOR, rest, premium));
        } else {
            for (Project.JointVentureMember member : project.jointVentureMembers()) {
                BigDecimal percent = rest.multiply(member.sharePercent()).divide(HUNDRED, 4, RoundingMode.HALF_UP);
                shares.add(share(member.organizationId(), organizationName, Party.JOINT_VENTURE_MEMBER, percent, premium));
            }
        }
        return settleRounding(shares, premium);
    }

    private static PremiumShare share(long organizationId, LongFunction<String> organizationName, Party party,
            BigDecimal percent, BigDecimal premium) {
        BigDecimal amount = premium.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        return new PremiumShare(organizationId, organizationName.apply(organizationId), party,
                percent.stripTrailingZeros(), amount);
    }

    /** Puts the cents lost or gained by rounding on the last party, so that nothing goes missing. */
    private static List<PremiumShare> settleRounding(List<PremiumShare> shares, BigDecimal premium) {
        BigDecimal total = shares.stream().map(PremiumShare::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal difference = premium.setScale(2, RoundingMode.HALF_UP).subtract(total);
        if (difference.signum() != 0 && !shares.isEmpty()) {
            PremiumShare last = shares.remove(shares.size() - 1);
            shares.add(new PremiumShare(last.organizationId(), last.organizationName(), last.party(),
                    last.sharePercent(), last.amount().add(difference)));
        }
        return List.copyOf(shares);
    }
}
