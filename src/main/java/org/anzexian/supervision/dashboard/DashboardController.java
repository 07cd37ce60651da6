package org.anzexian.supervision.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.NotFoundException;
import org.anzexian.registry.jurisdiction.JurisdictionService;
import org.springframework.http.HttpStatus;
import org.anzexian.platform.portal.PortalController;
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
    String dashboard(@RequestParam(required = false) String county, Model model, HttpServletResponse response)
            throws JsonProcessingException {
        Actor actor = currentActor.require();
        Dashboard dashboard;
        try {
            dashboard = dashboards.of(actor, county);
        } catch (ForbiddenException | NotFoundException refused) {
            // rendered here, where the model has the user and the menu the page frame needs (the portal's
            // exception handlers get an empty model)
            HttpStatus status = refused instanceof ForbiddenException ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND;
            response.setStatus(status.value());
            model.addAttribute("status", status.value());
            model.addAttribute("reason", refused.getMessage());
            model.addAttribute("fields", List.of());
            return "portal/refusal";
        }
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
