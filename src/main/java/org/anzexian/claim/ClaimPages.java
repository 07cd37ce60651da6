package org.anzexian.claim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.portal.ListView;
import org.anzexian.platform.portal.PortalController;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.PageResult;
import org.anzexian.registry.RegistryNames.Option;
import org.anzexian.registry.RegistryNames;
import org.anzexian.registry.organization.OrganizationType;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The portal's claim list: the same filters, order and scope as {@code GET /api/claims} (N6.5–N6.7). */
@PortalController
class ClaimPages {

    private final ClaimService claims;
    private final RegistryNames names;
    private final CurrentActor currentActor;

    ClaimPages(ClaimService claims, RegistryNames names, CurrentActor currentActor) {
        this.claims = claims;
        this.names = names;
        this.currentActor = currentActor;
    }

    @GetMapping("/portal/lists/claims")
    String list(@RequestParam(required = false) Long insurerId, @RequestParam(required = false) ClaimStatus status,
            @RequestParam(required = false) Boolean breach, @RequestParam(required = false) String county,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort, Model model) {
        Actor actor = currentActor.require();
        ListQuery query = ListQuery.of(page, size, sort, ClaimService.sortFields());
        PageResult<Claim> found = claims.list(actor, new ClaimFilter(status, insurerId, county, breach), query);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("insurerId", insurerId == null ? null : insurerId.toString());
        filters.put("status", status == null ? null : status.name());
        filters.put("breach", breach == null ? null : breach.toString());
        filters.put("county", county);
        model.addAttribute("view", new ListView<>("/portal/lists/claims", "/api/claims.xlsx", filters, query,
                new PageResult<>(claims.rows(found.items()), found.total(), found.page(), found.size())));
        model.addAttribute("counties", names.countyOptions(actor));
        model.addAttribute("insurers", names.organizationOptions(OrganizationType.INSURER));
        model.addAttribute("statuses", Option.of(ClaimStatus.values(), Enum::name, ClaimStatus::label));
        model.addAttribute("breachChoices", Option.yesNo("有超时", "无超时"));
        return "portal/lists/claims";
    }
}
