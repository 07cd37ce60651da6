package org.anzexian.supervision.casepage;

import org.anzexian.platform.access.Actor;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.portal.PortalController;
import org.anzexian.platform.web.NotFoundException;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.platform.web.PageResult;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's case pages and 我的事项 (#14, DESIGN.md §5): {@code /portal/cases/{kind}/{id}} for whoever may
 * see the record through {@code /api} (404 otherwise, as there), {@code /portal/cases/process/{id}} from the
 * Tasklist to the case page of a process instance, and {@code /portal/my}.
 */
@PortalController
class CasePageController {

    private final CurrentActor currentActor;
    private final CasePages pages;
    private final ProcessCases processCases;
    private final MyMatters myMatters;

    CasePageController(CurrentActor currentActor, CasePages pages, ProcessCases processCases, MyMatters myMatters) {
        this.currentActor = currentActor;
        this.pages = pages;
        this.processCases = processCases;
        this.myMatters = myMatters;
    }

    @GetMapping("/portal/cases/process/{processInstanceId}")
    String process(@PathVariable String processInstanceId) {
        return "redirect:" + processCases.of(currentActor.require(), processInstanceId).href();
    }

    @GetMapping("/portal/cases/{kind}/{id}")
    String casePage(@PathVariable String kind, @PathVariable String id, Model model) {
        CaseKind caseKind = CaseKind.ofSlug(kind)
                .orElseThrow(() -> new NotFoundException("没有这类案件页 (no such kind of case): " + kind));
        model.addAttribute("page", pages.page(currentActor.require(), caseKind, recordId(id)));
        return "portal/case";
    }

    @GetMapping("/portal/my")
    String my(@RequestParam(defaultValue = "open") String show, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Model model) {
        Actor actor = currentActor.require();
        boolean openOnly = !"all".equals(show);
        PageResult<MyMatters.Matter> matters = myMatters.of(actor, openOnly, new PageQuery(page, size));
        model.addAttribute("matters", matters);
        model.addAttribute("show", openOnly ? "open" : "all");
        model.addAttribute("lastPage", Math.max(0, (matters.total() - 1) / matters.size()));
        return "portal/my";
    }

    private static long recordId(String id) {
        if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            throw new NotFoundException("案件不存在 (no such case): " + id);
        }
        return Long.parseLong(id);
    }
}
