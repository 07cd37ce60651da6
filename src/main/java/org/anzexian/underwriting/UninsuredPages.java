package org.anzexian.underwriting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.portal.ListView;
import org.anzexian.platform.portal.PortalController;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.PageResult;
import org.anzexian.registry.RegistryNames;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's list of permitted projects without a valid policy (N1.3), as {@code GET
 * /api/projects-without-policy}: the city sees all, a county its area, everybody else is refused (403).
 */
@PortalController
class UninsuredPages {

    private final UnderwritingLedger ledger;
    private final RegistryNames names;
    private final CurrentActor currentActor;

    UninsuredPages(UnderwritingLedger ledger, RegistryNames names, CurrentActor currentActor) {
        this.ledger = ledger;
        this.names = names;
        this.currentActor = currentActor;
    }

    @GetMapping("/portal/lists/uninsured")
    String list(@RequestParam(required = false) String county,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort, Model model) {
        Actor actor = currentActor.require();
        ListQuery query = ListQuery.of(page, size, sort, UnderwritingLedger.UNINSURED_SORT.fields());
        PageResult<UninsuredProject> found = ledger.projectsWithoutPolicy(actor, county, page, size, sort);
        RegistryNames.Lookup lookup = names.lookup();
        List<Row> rows = found.items().stream().map(project -> new Row(project,
                lookup.county(project.jurisdictionCode()), lookup.organization(project.constructionUnitId()))).toList();
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("county", county);
        model.addAttribute("view", new ListView<>("/portal/lists/uninsured", null, filters, query,
                new PageResult<>(rows, found.total(), found.page(), found.size())));
        model.addAttribute("counties", names.countyOptions(actor));
        return "portal/lists/uninsured";
    }

    /** An uninsured project with its county and construction unit named. */
    public record Row(UninsuredProject project, String countyName, String constructionUnitName) {
    }
}
