package org.anzexian.registry.organization;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.identity.PasswordRules;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.portal.AdminPages;
import org.anzexian.platform.portal.FormErrors;
import org.anzexian.platform.portal.PageLinks;
import org.anzexian.platform.portal.PortalController;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.platform.web.PageResult;
import org.anzexian.registry.jurisdiction.Jurisdiction;
import org.anzexian.registry.jurisdiction.JurisdictionService;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The city bureau's organizations and their logins in the portal (#14): the same
 * {@link OrganizationService#register} and {@link OrganizationAccountService#createUser} as
 * {@code POST /api/organizations} and {@code POST /api/organizations/{id}/users}, so the same validation
 * (credit code check character, password policy), access check and records. A refused form comes back
 * with what was typed and the Chinese messages next to the fields; nothing is created.
 */
@PortalController
class OrganizationAdminPages {

    private static final String BASE = "/portal/admin/organizations";

    private final OrganizationService organizations;
    private final OrganizationAccountService accounts;
    private final JurisdictionService jurisdictions;
    private final PasswordRules passwords;
    private final CurrentActor currentActor;

    OrganizationAdminPages(OrganizationService organizations, OrganizationAccountService accounts,
            JurisdictionService jurisdictions, PasswordRules passwords, CurrentActor currentActor) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.jurisdictions = jurisdictions;
        this.passwords = passwords;
        this.currentActor = currentActor;
    }

    @ModelAttribute
    void cityBureauOnly(Model model) {
        AdminPages.requireCityBureau(currentActor.require());
        model.addAttribute("types", OrganizationType.values());
        model.addAttribute("countyNames", countyNames());
    }

    /** What the bureau types into the registration form, kept as typed to show it again when refused. */
    record OrganizationForm(String type, String name, String creditCode, String principal, String email, String phone,
            String jurisdictionCode, String bureauGroup) {

        static OrganizationForm empty() {
            return new OrganizationForm(null, null, null, null, null, null, null, null);
        }

        NewOrganization request() {
            return new NewOrganization(type(type), name, creditCode == null ? null : creditCode.strip(), null,
                    principal, blankToNull(email), blankToNull(phone), blankToNull(jurisdictionCode),
                    blankToNull(bureauGroup));
        }

        /** An unknown type is no type: the service then answers "必须选择单位类型". */
        private static OrganizationType type(String value) {
            for (OrganizationType type : OrganizationType.values()) {
                if (type.name().equals(value)) {
                    return type;
                }
            }
            return null;
        }
    }

    /** The login form; the password is never shown again. */
    record LoginForm(String userId, String firstName, String lastName, String email, String password) {

        static LoginForm empty() {
            return new LoginForm(null, null, null, null, null);
        }

        NewOrganizationUser request() {
            return new NewOrganizationUser(userId == null ? null : userId.strip(), firstName, lastName,
                    email == null ? null : email.strip(), password);
        }

        LoginForm withoutPassword() {
            return new LoginForm(userId, firstName, lastName, email, null);
        }
    }

    @GetMapping(BASE)
    String list(@RequestParam(required = false) String name, @RequestParam(required = false) String creditCode,
            @RequestParam(required = false) OrganizationType type, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Model model) {
        PageResult<Organization> result = organizations.list(
                new OrganizationFilter(type, blankToNull(name), null, blankToNull(creditCode)), new PageQuery(page, size));
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("name", name);
        filters.put("creditCode", creditCode);
        filters.put("type", type);
        model.addAttribute("result", result);
        model.addAttribute("filters", filters);
        model.addAttribute("links", PageLinks.of(BASE, filters, result));
        return "portal/admin/organizations";
    }

    @GetMapping(BASE + "/new")
    String newOrganization(Model model) {
        return registrationForm(model, OrganizationForm.empty(), FormErrors.none());
    }

    @PostMapping(BASE)
    String register(@ModelAttribute("form") OrganizationForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Actor actor = currentActor.require();
        try {
            Organization organization = organizations.register(actor, form.request());
            redirect.addFlashAttribute("done", "已登记单位「" + organization.name() + "」，可为其开通登录账号。");
            return "redirect:" + BASE + "/" + organization.id();
        } catch (InvalidRequestException | ConflictException | ConstraintViolationException refused) {
            response.setStatus(status(refused));
            return registrationForm(model, form, FormErrors.of(refused));
        }
    }

    private String registrationForm(Model model, OrganizationForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("bureauGroups", bureauGroups());
        return "portal/admin/organization-new";
    }

    @GetMapping(BASE + "/{id}")
    String organization(@PathVariable long id, Model model) {
        return organizationPage(model, id, LoginForm.empty(), FormErrors.none());
    }

    @PostMapping(BASE + "/{id}/users")
    String createLogin(@PathVariable long id, @ModelAttribute("login") LoginForm login, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = currentActor.require();
        try {
            OrganizationUser user = accounts.createUser(actor, id, login.request());
            redirect.addFlashAttribute("done", "已开通登录账号 " + user.userId() + "，并已邮件通知本人（邮件不含密码，请另行告知初始密码）。");
            return "redirect:" + BASE + "/" + id;
        } catch (InvalidRequestException | ConflictException | ConstraintViolationException refused) {
            response.setStatus(status(refused));
            return organizationPage(model, id, login.withoutPassword(), FormErrors.of(refused));
        }
    }

    private String organizationPage(Model model, long id, LoginForm login, FormErrors errors) {
        Actor actor = currentActor.require();
        Organization organization = organizations.require(id);
        model.addAttribute("organization", organization);
        model.addAttribute("parent", organization.parentId() == null ? null : organizations.find(organization.parentId()).orElse(null));
        model.addAttribute("users", accounts.usersOf(actor, id));
        model.addAttribute("login", login);
        model.addAttribute("errors", errors);
        model.addAttribute("passwordRules", passwords.descriptions());
        return "portal/admin/organization";
    }

    private Map<String, String> countyNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Jurisdiction jurisdiction : jurisdictions.list()) {
            names.put(jurisdiction.code(), jurisdiction.name());
        }
        return names;
    }

    /** The groups a bureau may stand for ({@link BureauGroup}), by name. */
    private Map<String, String> bureauGroups() {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put(PlatformGroups.CITY_BUREAU, "市住房和城乡建设局");
        groups.put(PlatformGroups.EMERGENCY_BUREAU, "应急管理局");
        groups.put(PlatformGroups.FINANCIAL_REGULATOR, "金融监管分局");
        for (Jurisdiction county : jurisdictions.counties()) {
            groups.put(county.authorityGroup(), "县区主管部门：" + county.name());
        }
        return groups;
    }

    private static int status(RuntimeException refused) {
        return (refused instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST).value();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
