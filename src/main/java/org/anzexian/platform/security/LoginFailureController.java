package org.anzexian.platform.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "登录安全", description = "失败的登录尝试（管理员）")
class LoginFailureController {

    private final LoginFailures failures;
    private final CurrentActor currentActor;

    LoginFailureController(LoginFailures failures, CurrentActor currentActor) {
        this.failures = failures;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/login-failures")
    @Operation(summary = "失败的登录尝试，最新的在前（仅系统管理员）：账号、来源地址、入口、时间")
    PageResult<LoginFailure> recent(@RequestParam(required = false) String userId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort) {
        if (!currentActor.require().isAdmin()) {
            throw new ForbiddenException("只有系统管理员可以查看失败的登录尝试 (administrators only)");
        }
        return failures.recent(userId, ListQuery.of(page, size, sort, LoginFailures.SORT));
    }
}
