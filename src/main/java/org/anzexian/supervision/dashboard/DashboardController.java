package org.anzexian.supervision.dashboard;

import org.anzexian.platform.portal.PortalController;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's first page: the overview of the scheme, scoped to the user (N9.1). */
@PortalController
class DashboardController {

    @GetMapping("/portal")
    String dashboard() {
        return "portal/dashboard";
    }
}
