package org.anzexian.supervision.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.portal.PortalController;
import org.anzexian.registry.jurisdiction.JurisdictionService;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's first page: the overview of the scheme, scoped to the user (N9.1): cards, charts and, beside
 * each chart, a table with the same numbers; every number leads to its list.
 */
@PortalController
class DashboardController {

    private final DashboardService dashboards;
    private final CurrentActor currentActor;
    private final JurisdictionService jurisdictions;
    private final ObjectMapper json;

    DashboardController(DashboardService dashboards, CurrentActor currentActor, JurisdictionService jurisdictions,
            ObjectMapper json) {
        this.dashboards = dashboards;
        this.currentActor = currentActor;
        this.jurisdictions = jurisdictions;
        this.json = json;
    }

    @GetMapping("/portal")
    String dashboard(@RequestParam(required = false) String county, Model model)
            throws JsonProcessingException {
        Actor actor = currentActor.require();
        Dashboard dashboard = dashboards.of(actor, county);
        model.addAttribute("dashboard", dashboard);
        // the city may narrow the overview to one area; a county sees only its own anyway
        model.addAttribute("counties", actor.seesWholeCity() ? jurisdictions.counties() : List.of());
        // the charts' data for a <script type="application/json"> block: written unescaped (a script's text is
        // not HTML-decoded), so <, > and & become JSON escapes and nothing can close the block early
        model.addAttribute("dashboardJson", json.writeValueAsString(dashboard).replace("<", "\\u003c")
                .replace(">", "\\u003e").replace("&", "\\u0026"));
        return "portal/dashboard";
    }
}
