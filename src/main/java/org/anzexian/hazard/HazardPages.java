package org.anzexian.hazard;

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
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The portal's hazard list: the same filters, order and scope as {@code GET /api/hazards} (N8.8, N8.9). */
@PortalController
class HazardPages {

    private final HazardService hazards;
    private final RegistryNames names;
    private final CurrentActor currentActor;

    HazardPages(HazardService hazards, RegistryNames names, CurrentActor currentActor) {
        this.hazards = hazards;
        this.names = names;
        this.currentActor = currentActor;
    }

    @GetMapping("/portal/lists/hazards")
    String list(@RequestParam(required = false) Long projectId, @RequestParam(required = false) String county,
            @RequestParam(required = false) HazardSeverity severity, @RequestParam(required = false) HazardStatus status,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort, Model model) {
        Actor actor = currentActor.require();
        ListQuery query = ListQuery.of(page, size, sort, HazardService.sortFields());
        PageResult<Hazard> found = hazards.list(actor, new HazardFilter(projectId, county, severity, status, overdue),
                query);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("county", county);
        filters.put("severity", severity == null ? null : severity.name());
        filters.put("status", status == null ? null : status.name());
        filters.put("overdue", overdue == null ? null : overdue.toString());
        filters.put("projectId", projectId == null ? null : projectId.toString());
        model.addAttribute("view", new ListView<>("/portal/lists/hazards", "/api/hazards.xlsx", filters, query,
                new PageResult<>(hazards.rows(found.items()), found.total(), found.page(), found.size())));
        model.addAttribute("counties", names.countyOptions(actor));
        model.addAttribute("severities", Option.of(HazardSeverity.values(), Enum::name, HazardSeverity::label));
        model.addAttribute("statuses", Option.of(HazardStatus.values(), Enum::name, HazardStatus::label));
        model.addAttribute("overdueChoices", Option.yesNo("已逾期", "未逾期"));
        return "portal/lists/hazards";
    }
}
