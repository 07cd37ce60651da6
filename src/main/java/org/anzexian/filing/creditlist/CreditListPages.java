package org.anzexian.filing.creditlist;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.portal.AdminPages;
import org.anzexian.platform.portal.FormErrors;
import org.anzexian.platform.portal.PageLinks;
import org.anzexian.platform.portal.PortalController;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.PageResult;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The credit-list import in the portal, with a preview before anything applies (#14, N3.7, N7.3). The
 * upload is only read ({@link CreditListService#preview}) and kept in the session by its hash; "确认导入"
 * applies that very file through {@link CreditListService#importPreviewed} — the same import as
 * {@code POST /api/credit-list/imports} — and only if it would still do what the preview showed.
 */
@PortalController
class CreditListPages {

    private static final String BASE = "/portal/admin/credit-list";

    private final CreditListService creditLists;
    private final CurrentActor currentActor;
    private final Clock clock;

    CreditListPages(CreditListService creditLists, CurrentActor currentActor, Clock clock) {
        this.creditLists = creditLists;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @ModelAttribute
    void cityBureauOnly(Model model) {
        AdminPages.requireCityBureau(currentActor.require());
        model.addAttribute("header", CreditListCsv.HEADER);
        model.addAttribute("listTypes", CreditListType.values());
    }

    @GetMapping(BASE)
    String importPage(@RequestParam(required = false) String creditCode,
            @RequestParam(required = false) CreditListType type, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Model model) {
        return importPage(model, creditCode, type, ListQuery.of(page, size, List.of(), CreditListService.sortFields()), FormErrors.none());
    }

    private String importPage(Model model, String creditCode, CreditListType type, ListQuery page, FormErrors errors) {
        PageResult<CreditListEntry> entries = creditLists.list(currentActor.require(), creditCode, type, page);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("creditCode", creditCode);
        filters.put("type", type);
        model.addAttribute("entries", entries);
        model.addAttribute("filters", filters);
        model.addAttribute("links", PageLinks.of(BASE, filters, entries));
        model.addAttribute("errors", errors);
        return "portal/admin/credit-list";
    }

    /** The header line only (with a BOM, so that Excel reads it as UTF-8): an example row could be imported by mistake. */
    @GetMapping(BASE + "/template.csv")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("credit-list-template.csv").build().toString())
                .body(("\uFEFF" + CreditListCsv.HEADER + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping(BASE + "/preview")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, HttpSession session, Model model,
            HttpServletResponse response) throws IOException {
        Optional<String> csv = file == null || file.isEmpty() ? Optional.empty() : utf8(file.getBytes());
        if (csv.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return importPage(model, null, null, ListQuery.of(0, 20, List.of(), CreditListService.sortFields()), FormErrors.none().with("file",
                    file == null || file.isEmpty() ? "请选择要导入的 CSV 文件 (choose a file)"
                            : "文件须为 UTF-8 编码的 CSV（在 Excel 中另存为“CSV UTF-8”）(the file must be UTF-8)"));
        }
        return "redirect:" + BASE + "/preview/" + PreviewedFiles.keep(session, csv.get(), clock.instant());
    }

    @GetMapping(BASE + "/preview/{hash}")
    String preview(@PathVariable String hash, HttpSession session, Model model, HttpServletResponse response) {
        Optional<String> csv = PreviewedFiles.find(session, hash, clock.instant());
        if (csv.isEmpty()) {
            return expired(model, response);
        }
        return previewPage(model, hash, csv.get(), FormErrors.none());
    }

    private String previewPage(Model model, String hash, String csv, FormErrors errors) {
        model.addAttribute("hash", hash);
        model.addAttribute("preview", creditLists.preview(currentActor.require(), csv));
        model.addAttribute("outcomes", CreditListPreview.Outcome.values());
        model.addAttribute("errors", errors);
        return "portal/admin/credit-preview";
    }

    @PostMapping(BASE + "/preview/{hash}/confirm")
    String confirm(@PathVariable String hash, @RequestParam(defaultValue = "") String fingerprint, HttpSession session,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<String> csv = PreviewedFiles.find(session, hash, clock.instant());
        if (csv.isEmpty()) {
            return expired(model, response);
        }
        try {
            CreditListImport imported = creditLists.importPreviewed(currentActor.require(), csv.get(), fingerprint);
            PreviewedFiles.forget(session, hash);
            redirect.addFlashAttribute("done", "已导入（批次 " + imported.batchId() + "）：共 " + imported.rows() + " 行，新增 "
                    + imported.imported() + " 条，已在名单中或重复 " + imported.alreadyListed() + " 条"
                    + imported.importedByType().entrySet().stream()
                            .map(entry -> entry.getKey().label() + " " + entry.getValue() + " 条")
                            .collect(Collectors.joining("、", imported.imported() > 0 ? "（" : "", imported.imported() > 0 ? "）" : ""))
                    + "。");
            return "redirect:" + BASE;
        } catch (ConflictException | InvalidRequestException refused) {
            response.setStatus((refused instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST).value());
            return previewPage(model, hash, csv.get(), FormErrors.of(refused));
        }
    }

    @PostMapping(BASE + "/preview/{hash}/cancel")
    String cancel(@PathVariable String hash, HttpSession session, RedirectAttributes redirect) {
        PreviewedFiles.forget(session, hash);
        redirect.addFlashAttribute("done", "已取消导入，信用名单没有任何变化。");
        return "redirect:" + BASE;
    }

    private String expired(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return importPage(model, null, null, ListQuery.of(0, 20, List.of(), CreditListService.sortFields()), FormErrors.none().with("file",
                "该预览已失效（已导入、已取消、超过 " + PreviewedFiles.LIFETIME.toMinutes() + " 分钟或不是本次登录上传的），"
                        + "未导入任何内容；请重新上传文件 (preview expired: nothing imported)"));
    }

    /** The text of a UTF-8 file; empty when the bytes are not UTF-8 (a GBK export from Excel, say). */
    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
