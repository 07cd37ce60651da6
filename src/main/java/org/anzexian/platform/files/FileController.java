package org.anzexian.platform.files;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.anzexian.platform.access.CurrentActor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/files")
@Tag(name = "文件", description = "上传证照、报告等文件，按 SHA-256 存储和引用")
class FileController {

    private final FileStore files;
    private final CurrentActor currentActor;

    FileController(FileStore files, CurrentActor currentActor) {
        this.files = files;
        this.currentActor = currentActor;
    }

    record Uploaded(String sha256, String fileName, long size, String contentType) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传文件（任一登录用户），返回其 SHA-256；业务数据只引用该哈希。只收 PDF、JPEG、PNG：类型按内容判断，"
            + "须与声明的类型和扩展名一致；文件名不能含控制字符、文字方向控制符、路径或可执行的扩展名")
    ResponseEntity<Uploaded> upload(@RequestParam("file") MultipartFile file) throws IOException {
        StoredFile stored = files.store(file.getOriginalFilename(), file.getContentType(), file.getBytes(),
                currentActor.require());
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, "/api/files/" + stored.sha256())
                .body(new Uploaded(stored.sha256(), stored.fileName(), stored.size(), stored.contentType()));
    }

    @GetMapping("/{sha256}")
    @Operation(summary = "下载文件（上传者及其单位、市住建局、管理员）")
    ResponseEntity<byte[]> download(@PathVariable String sha256) {
        StoredFile file = files.readableBy(currentActor.require(), sha256);
        return FileDownload.of(file, files.content(sha256));
    }
}
