package org.anzexian.filing.creditlist;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/credit-list")
@Tag(name = "信用名单", description = "严重失信主体名单、失信被执行人、行政处罚或不良行为记录（市住建局维护，N3.7、N7.3）")
class CreditListController {

    private final CreditListService creditLists;
    private final CurrentActor currentActor;

    CreditListController(CreditListService creditLists, CurrentActor currentActor) {
        this.creditLists = creditLists;
        this.currentActor = currentActor;
    }

    /** Bytes, decoded as UTF-8 here: a text/csv body without a charset would otherwise be read as ISO-8859-1. */
    @PostMapping(path = "/imports", consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "导入名单 CSV（UTF-8，表头 " + CreditListCsv.HEADER + "），整份文件校验通过才导入")
    CreditListImport importCsv(@RequestBody byte[] csv) {
        return creditLists.importCsv(currentActor.require(), new String(csv, StandardCharsets.UTF_8));
    }

    @GetMapping
    @Operation(summary = "查询名单条目（市住建局或管理员；sort：id、listedOn、name、creditCode、type、importedAt）")
    PageResult<CreditListEntry> list(
            @RequestParam(required = false) String creditCode,
            @RequestParam(required = false) CreditListType type,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort) {
        return creditLists.list(currentActor.require(), creditCode, type,
                ListQuery.of(page, size, sort, CreditListService.sortFields()));
    }
}
