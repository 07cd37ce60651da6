package org.anzexian.service.visit;

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

/** The portal's visit list: the same filters, order and scope as {@code GET /api/visits} (N8.2, N8.5). */
@PortalController
class VisitPages {

    private final VisitService visits;
    private final RegistryNames names;
    private final CurrentActor currentActor;

    VisitPages(VisitService visits, RegistryNames names, CurrentActor currentActor) {
        this.visits = visits;
        this.names = names;
        this.currentActor = currentActor;
    }

    @GetMapping("/portal/lists/visits")
    String list(@RequestParam(required = false) Long serviceOrgId, @RequestParam(required = false) String state,
            @RequestParam(required = false) String county, @RequestParam(required = false) Long policyId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort, Model model) {
        Actor actor = currentActor.require();
        ListQuery query = ListQuery.of(page, size, sort, VisitService.sortFields());
        VisitState visitState = VisitState.parse(state);
        PageResult<Visit> found = visits.list(actor, new VisitFilter(serviceOrgId, visitState, county, policyId), query);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("serviceOrgId", serviceOrgId == null ? null : serviceOrgId.toString());
        filters.put("state", visitState == null ? null : visitState.param());
        filters.put("county", county);
        filters.put("policyId", policyId == null ? null : policyId.toString());
        model.addAttribute("view", new ListView<>("/portal/lists/visits", "/api/visits.xlsx", filters, query,
                new PageResult<>(visits.rows(found.items()), found.total(), found.page(), found.size())));
        model.addAttribute("counties", names.countyOptions(actor));
        model.addAttribute("serviceOrgs", names.organizationOptions(OrganizationType.SERVICE_ORG));
        model.addAttribute("states", Option.of(VisitState.values(), VisitState::param, VisitState::label));
        return "portal/lists/visits";
    }
}
