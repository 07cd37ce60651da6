package org.anzexian.filing.insurer;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.anzexian.filing.FilingStatus;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.portal.AdminPages;
import org.anzexian.platform.portal.FormErrors;
import org.anzexian.platform.portal.PageLinks;
import org.anzexian.platform.portal.PortalController;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.platform.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reinstatement of suspended insurer filings in the portal (#14, N5.2): the same
 * {@link InsurerFilingService#reinstate} as {@code POST /api/insurer-filings/{id}/reinstate}, with the
 * bureau's reason logged; a refusal (the cause of the suspension remains) is shown with the service's
 * Chinese reason. Service-organization filings are never suspended, so they have nothing to reinstate.
 */
@PortalController
class FilingReinstatementPages {

    private static final String BASE = "/portal/admin/filings";
    /** What the page lists: the suspended filings (reinstatable) or the withdrawn ones (to look up). */
    private static final Set<FilingStatus> LISTED = Set.of(FilingStatus.SUSPENDED, FilingStatus.WITHDRAWN);

    private final InsurerFilingService filings;
    private final CurrentActor currentActor;

    FilingReinstatementPages(InsurerFilingService filings, CurrentActor currentActor) {
        this.filings = filings;
        this.currentActor = currentActor;
    }

    @ModelAttribute
    void cityBureauOnly() {
        AdminPages.requireCityBureau(currentActor.require());
    }

    @GetMapping(BASE)
    String list(@RequestParam(defaultValue = "SUSPENDED") FilingStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Model model) {
        return listPage(model, status, new PageQuery(page, size), null, null, FormErrors.none());
    }

    @PostMapping(BASE + "/{id}/reinstate")
    String reinstate(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            InsurerFiling filing = filings.reinstate(currentActor.require(), id, reason);
            redirect.addFlashAttribute("done", "已恢复「" + filing.branchName() + "」的备案（" + filing.filingNumber()
                    + "），该机构可重新开展安责险业务。");
            return "redirect:" + BASE;
        } catch (InvalidRequestException | ConflictException refused) {
            response.setStatus((refused instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST).value());
            return listPage(model, FilingStatus.SUSPENDED, new PageQuery(0, 20), id, reason, FormErrors.of(refused));
        }
    }

    private String listPage(Model model, FilingStatus status, PageQuery page, Long refusedId, String reason,
            FormErrors errors) {
        FilingStatus shown = LISTED.contains(status) ? status : FilingStatus.SUSPENDED;
        PageResult<InsurerFiling> result = filings.listByStatus(currentActor.require(), Set.of(shown), page);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("status", shown);
        model.addAttribute("result", result);
        model.addAttribute("status", shown);
        model.addAttribute("statuses", new FilingStatus[] {FilingStatus.SUSPENDED, FilingStatus.WITHDRAWN});
        model.addAttribute("links", PageLinks.of(BASE, filters, result));
        model.addAttribute("refusedId", refusedId);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "portal/admin/filings";
    }
}
