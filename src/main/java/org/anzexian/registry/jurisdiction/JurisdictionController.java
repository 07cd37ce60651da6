package org.anzexian.registry.jurisdiction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.MemorySort;
import org.anzexian.platform.web.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only: jurisdictions come from the migration, not from the API. */
@RestController
@RequestMapping("/api/jurisdictions")
@Tag(name = "辖区", description = "忻州市及其 16 个县（市、区）")
class JurisdictionController {

    private final JurisdictionService jurisdictions;

    JurisdictionController(JurisdictionService jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    @GetMapping
    @Operation(summary = "列出全部辖区（分页、排序，sort：id 即代码、name）")
    PageResult<Jurisdiction> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort) {
        return SORT.page(jurisdictions.list(), page, size, sort);
    }

    private static final MemorySort<Jurisdiction> SORT = MemorySort.byId(Jurisdiction::code, "id", "asc")
            .by("name", Jurisdiction::name);

    @GetMapping("/{code}")
    @Operation(summary = "按代码查询辖区")
    Jurisdiction get(@PathVariable String code) {
        return jurisdictions.require(code);
    }
}
