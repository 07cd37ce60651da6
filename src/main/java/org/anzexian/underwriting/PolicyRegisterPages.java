package org.anzexian.underwriting;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.portal.AdminPages;
import org.anzexian.platform.portal.FormErrors;
import org.anzexian.platform.portal.PageLinks;
import org.anzexian.platform.portal.PortalController;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.platform.web.PageResult;
import org.anzexian.registry.jurisdiction.JurisdictionService;
import org.anzexian.registry.organization.OrganizationFilter;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.organization.OrganizationType;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The policy register (保单登记簿) of the whole city for the city bureau (#14, N4.5): the underwriting
 * ledger's own search ({@link UnderwritingLedger#search}, as {@code GET /api/underwriting-ledger}) with a
 * project criterion, a link to its Excel export and to each policy's case page.
 */
@PortalController
class PolicyRegisterPages {

    private static final String BASE = "/portal/admin/policies";

    private final UnderwritingLedger ledger;
    private final OrganizationService organizations;
    private final JurisdictionService jurisdictions;
    private final CurrentActor currentActor;

    PolicyRegisterPages(UnderwritingLedger ledger, OrganizationService organizations, JurisdictionService jurisdictions,
            CurrentActor currentActor) {
        this.ledger = ledger;
        this.organizations = organizations;
        this.jurisdictions = jurisdictions;
        this.currentActor = currentActor;
    }

    @ModelAttribute
    void cityBureauOnly() {
        AdminPages.requireCityBureau(currentActor.require());
    }

    @GetMapping(BASE)
    String register(@RequestParam(required = false) String project, @RequestParam(required = false) Long insurer,
            @RequestParam(required = false) String county, @RequestParam(required = false) PolicyStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedTo,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Model model,
            HttpServletResponse response) {
        ListQuery query = ListQuery.of(page, size, List.of(), UnderwritingLedger.ledgerSortFields());
        LedgerFilter filter = new LedgerFilter(insurer, county, issuedFrom, issuedTo, status, project);
        PageResult<LedgerRow> result;
        FormErrors errors = FormErrors.none();
        try {
            result = ledger.search(currentActor.require(), filter, query);
        } catch (InvalidRequestException refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            errors = FormErrors.of(refused);
            result = query.result(List.of(), 0);
        }
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("project", project);
        filters.put("insurer", insurer);
        filters.put("county", county);
        filters.put("status", status);
        filters.put("issuedFrom", issuedFrom);
        filters.put("issuedTo", issuedTo);
        model.addAttribute("result", result);
        model.addAttribute("filters", filters);
        model.addAttribute("errors", errors);
        model.addAttribute("links", PageLinks.of(BASE, filters, result));
        model.addAttribute("exportLink", exportLink(filters));
        model.addAttribute("insurers", organizations.list(new OrganizationFilter(OrganizationType.INSURER, null, null),
                new PageQuery(0, PageQuery.MAX_SIZE)).items());
        model.addAttribute("counties", jurisdictions.counties());
        model.addAttribute("statuses", PolicyStatus.values());
        return "portal/admin/policies";
    }

    /** The ledger's Excel export with the same filters; it has no project criterion, so that one is left out. */
    private static String exportLink(Map<String, Object> filters) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/api/underwriting-ledger.xlsx");
        filters.forEach((name, value) -> {
            if (!name.equals("project") && value != null && !value.toString().isBlank()) {
                link.queryParam(name, value);
            }
        });
        return link.encode().build().toUriString();
    }
}
