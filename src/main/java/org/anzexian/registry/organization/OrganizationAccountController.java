package org.anzexian.registry.organization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.MemorySort;
import org.anzexian.platform.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/organizations/{id}/users")
@Tag(name = "单位账号", description = "市住建局为单位开通登录账号")
class OrganizationAccountController {

    private final OrganizationAccountService accounts;
    private final CurrentActor currentActor;

    OrganizationAccountController(OrganizationAccountService accounts, CurrentActor currentActor) {
        this.accounts = accounts;
        this.currentActor = currentActor;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "为单位开通登录账号（市住建局或管理员），并邮件通知本人（不含密码）")
    OrganizationUser create(@PathVariable long id, @Valid @RequestBody NewOrganizationUser request) {
        return accounts.createUser(currentActor.require(), id, request);
    }

    @GetMapping
    @Operation(summary = "单位的登录账号（市住建局或管理员）")
    PageResult<OrganizationUser> list(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort) {
        return SORT.page(accounts.usersOf(currentActor.require(), id), page, size, sort);
    }

    /** sort: id (the login), lastName, email. */
    private static final MemorySort<OrganizationUser> SORT = MemorySort.byId(OrganizationUser::userId, "id", "asc")
            .by("lastName", OrganizationUser::lastName)
            .by("email", OrganizationUser::email);
}
