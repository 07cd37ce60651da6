package org.anzexian.platform.portal;

import org.anzexian.platform.access.Actor;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.web.ForbiddenException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The index of the city bureau's administration ({@code /portal/admin}, #14). The pages themselves live in
 * the modules that own their data and call the same service methods as {@code /api}; each also refuses
 * everybody but the city bureau and administrators with {@link #requireCityBureau}, so a page the service
 * would let anybody read (the register of organizations) is still the bureau's alone here.
 */
@PortalController
public class AdminPages {

    static final String REFUSAL = "只有市住建局或系统管理员可以使用管理功能"
            + " (administration is for the city bureau and administrators)";

    private final CurrentActor currentActor;

    AdminPages(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    /** Throws the portal's 403 unless the actor is the city bureau or an administrator. */
    public static Actor requireCityBureau(Actor actor) {
        if (!actor.seesWholeCity()) {
            throw new ForbiddenException(REFUSAL);
        }
        return actor;
    }

    @ModelAttribute
    void cityBureauOnly() {
        requireCityBureau(currentActor.require());
    }

    @GetMapping("/portal/admin")
    String index() {
        return "portal/admin/index";
    }
}
