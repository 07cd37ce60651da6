package org.anzexian.underwriting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "承保台账", description = "承保台账查询与导出（N4.5）、已发施工许可未投保项目（N1.3）")
class LedgerController {

    private final UnderwritingLedger ledger;
    private final CurrentActor currentActor;
    private final Clock clock;

    LedgerController(UnderwritingLedger ledger, CurrentActor currentActor, Clock clock) {
        this.ledger = ledger;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping("/underwriting-ledger")
    @Operation(summary = "承保台账：按保险机构、县区、出单日期、状态查询（保险机构仅见本机构，县区仅见本辖区）；"
            + "sort：issuedAt、policyNumber、policyStart、premium、county、insurerId、status、id")
    PageResult<LedgerRow> search(
            @RequestParam(required = false) Long insurer,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedTo,
            @RequestParam(required = false) PolicyStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort) {
        return ledger.search(currentActor.require(), new LedgerFilter(insurer, county, issuedFrom, issuedTo, status),
                ListQuery.of(page, size, sort, UnderwritingLedger.ledgerSortFields()));
    }

    @GetMapping("/underwriting-ledger.xlsx")
    @Operation(summary = "导出承保台账（Excel，筛选与查询相同）")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) Long insurer,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedTo,
            @RequestParam(required = false) PolicyStatus status,
            @RequestParam(required = false) List<String> sort) {
        byte[] workbook = LedgerWorkbook.write(ledger.export(currentActor.require(),
                new LedgerFilter(insurer, county, issuedFrom, issuedTo, status),
                UnderwritingLedger.ledgerSortFields().parse(sort)), clock.getZone());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(LedgerWorkbook.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("underwriting-ledger.xlsx").build().toString())
                .body(workbook);
    }

    @GetMapping("/projects-without-policy")
    @Operation(summary = "已核发施工许可但无有效保单的项目（N1.3，县区主管部门见本辖区，市住建局见全市；分页、排序，"
            + "sort 可用 projectCode、projectName、county、contractStart、contractEnd）")
    PageResult<UninsuredProject> projectsWithoutPolicy(
            @RequestParam(required = false) String county,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort) {
        return ledger.projectsWithoutPolicy(currentActor.require(), county, page, size, sort);
    }
}
