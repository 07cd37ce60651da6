package org.anzexian.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.Role;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.support.SampleFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;

/** The file store through {@code /api/files} (DESIGN.md §4); run on H2 and on PostgreSQL. */
abstract class FileStoreContract {

    @Autowired
    TestRestTemplate http;

    @Autowired
    GroupDirectory groups;

    @Autowired
    FileStore files;

    @Autowired
    FileStoreProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Test
    void uploadedFileComesBackByItsSha256() {
        String user = newUser();
        byte[] bytes = SampleFiles.pdf("营业执照扫描件 " + UUID.randomUUID());

        ResponseEntity<JsonNode> upload = upload(user, "营业执照.pdf", "application/pdf", bytes);

        assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String sha256 = upload.getBody().get("sha256").asText();
        assertThat(sha256).isEqualTo(FileStore.sha256(bytes)).hasSize(64);
        assertThat(upload.getBody().get("fileName").asText()).isEqualTo("营业执照.pdf");
        assertThat(upload.getBody().get("size").asLong()).isEqualTo(bytes.length);
        assertThat(upload.getBody().get("contentType").asText()).isEqualTo("application/pdf");

        ResponseEntity<byte[]> download = http.withBasicAuth(user, user).getForEntity("/api/files/" + sha256, byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getBody()).isEqualTo(bytes);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(FileStore.sha256(download.getBody())).isEqualTo(sha256);
        assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment").contains("filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.pdf");
        assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void sameBytesTwiceAreStoredOnceAndBothUploadersMayReadThem() {
        String first = newUser();
        String second = newUser();
        byte[] bytes = SampleFiles.pdf("审计报告 " + UUID.randomUUID());

        String hash = upload(first, "a.pdf", "application/pdf", bytes).getBody().get("sha256").asText();
        String again = upload(second, "b.pdf", "application/pdf", bytes).getBody().get("sha256").asText();

        assertThat(again).isEqualTo(hash);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stored_file WHERE sha256 = :h").param("h", hash)
                .query(Long.class).single()).isOne();
        assertThat(files.find(hash)).get().extracting(StoredFile::uploadedBy).isEqualTo(first);
        assertThat(http.withBasicAuth(second, second).getForEntity("/api/files/" + hash, byte[].class).getBody())
                .isEqualTo(bytes);
    }

    @Test
    void fileOverTheLimitIsRefusedWithAMessageAndNothingIsStored() {
        String user = newUser();
        byte[] bytes = new byte[(int) properties.maxSize().toBytes() + 1];
        bytes[0] = (byte) UUID.randomUUID().hashCode();

        ResponseEntity<JsonNode> upload = upload(user, "big.pdf", "application/pdf", bytes);

        assertThat(upload.getStatusCode().value()).isIn(400, 413);
        assertThat(upload.getBody().toString()).contains("文件过大");
        assertThat(files.exists(FileStore.sha256(bytes))).isFalse();
    }

    @Test
    void serviceRefusesTooLargeFilesThatDidNotComeOverHttp() {
        byte[] bytes = new byte[(int) DataSize.ofMegabytes(properties.maxSize().toMegabytes()).toBytes() + 1];
        assertThatThrownBy(() -> files.store("big.png", "image/png", bytes, new Actor("someone", Set.of())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("文件过大");
        assertThat(files.exists(FileStore.sha256(bytes))).isFalse();
    }

    @Test
    void contentTypeOutsideTheAllowedListIsRefused() {
        String user = newUser();
        byte[] bytes = ("#!/bin/sh " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        ResponseEntity<JsonNode> upload = upload(user, "run.sh", "application/x-sh", bytes);

        assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(upload.getBody().get("fieldErrors").get(0).get("message").asText()).contains("不支持的文件类型");
        assertThat(files.exists(FileStore.sha256(bytes))).isFalse();
    }

    @Test
    void unknownHashIsNotFound() {
        String user = newUser();
        String unknown = FileStore.sha256(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        assertThat(http.withBasicAuth(user, user).getForEntity("/api/files/" + unknown, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth(user, user).getForEntity("/api/files/not-a-hash", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anotherUserMayNotReadTheFileButTheCityBureauMay() {
        String owner = newUser();
        String other = newUser();
        byte[] bytes = SampleFiles.png();
        String hash = upload(owner, "许可证.png", "image/png", bytes).getBody().get("sha256").asText();

        assertThat(http.withBasicAuth(other, other).getForEntity("/api/files/" + hash, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("city", "city").getForEntity("/api/files/" + hash, byte[].class).getBody())
                .isEqualTo(bytes);
        assertThat(http.withBasicAuth("demo", "demo").getForEntity("/api/files/" + hash, byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void htmlOrSvgDeclaredAsAnImageIsRefusedAndAPngOrJpegIsAccepted() {
        String user = newUser();
        byte[] html = ("<!DOCTYPE html><html><body><script>alert('" + UUID.randomUUID() + "')</script></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] svg = ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert('"
                + UUID.randomUUID() + "')\"></svg>").getBytes(StandardCharsets.UTF_8);

        for (byte[] disguised : List.of(html, svg)) {
            ResponseEntity<JsonNode> upload = upload(user, "照片.png", "image/png", disguised);
            assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(upload.getBody().get("fieldErrors").get(0).get("field").asText()).isEqualTo("file");
            assertThat(upload.getBody().get("fieldErrors").get(0).get("message").asText()).contains("不支持的文件类型");
            assertThat(files.exists(FileStore.sha256(disguised))).isFalse();
        }
        assertThat(upload(user, "照片.png", "image/png", SampleFiles.png()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(upload(user, "照片.jpeg", "image/jpeg", SampleFiles.jpeg()).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aPdfDeclaredAsAnImageIsRefusedForTheMismatch() {
        byte[] pdf = SampleFiles.pdf("declared png " + UUID.randomUUID());

        ResponseEntity<JsonNode> upload = upload(newUser(), "scan.png", "image/png", pdf);

        assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(upload.getBody().toString()).contains("与声明的类型");
        assertThat(files.exists(FileStore.sha256(pdf))).isFalse();
    }

    @Test
    void namesThatHideTheirTypeOrCarryAPathAreRefused() {
        String user = newUser();
        for (String name : List.of("invoice\u202Efdp.exe", "合同\u2066.pdf", "tab\t.pdf", "scan.pdf.exe", "scan.exe.pdf",
                "page.html.pdf", "../../etc/passwd.pdf", "dir\\a.pdf", "scan.png", "noextension", ".pdf")) {
            byte[] bytes = SampleFiles.pdf(name + UUID.randomUUID());
            ResponseEntity<JsonNode> upload = upload(user, name, "application/pdf", bytes);
            assertThat(upload.getStatusCode()).as(name).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(upload.getBody().get("fieldErrors").get(0).get("field").asText()).as(name).isEqualTo("fileName");
            assertThat(files.exists(FileStore.sha256(bytes))).as(name).isFalse();
        }
        assertThat(upload(user, "2024年度审计报告.v2.PDF", "application/pdf", SampleFiles.pdf("ok " + UUID.randomUUID()))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aColleagueOfTheUploadersOrganizationMayReadTheFile() {
        String owner = newUser();
        String colleague = newUser();
        jdbc.sql("SELECT group_id_ FROM act_id_membership WHERE user_id_ = :user").param("user", owner)
                .query(String.class).list().forEach(group -> groups.ensureMembership(colleague, group));
        byte[] bytes = SampleFiles.pdf("共享 " + UUID.randomUUID());
        String hash = upload(owner, "a.pdf", "application/pdf", bytes).getBody().get("sha256").asText();

        assertThat(http.withBasicAuth(colleague, colleague).getForEntity("/api/files/" + hash, byte[].class).getBody())
                .isEqualTo(bytes);
    }

    @Test
    void anonymousCallsAreRefused() {
        String hash = FileStore.sha256(new byte[] {1});
        assertThat(http.getForEntity("/api/files/" + hash, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.postForEntity("/api/files", multipart("a.pdf", "application/pdf", new byte[] {1}), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<JsonNode> upload(String user, String fileName, String contentType, byte[] bytes) {
        return http.withBasicAuth(user, user).postForEntity("/api/files", multipart(fileName, contentType, bytes),
                JsonNode.class);
    }

    private static HttpEntity<MultiValueMap<String, Object>> multipart(String fileName, String contentType, byte[] bytes) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.parseMediaType(contentType));
        ByteArrayResource resource = new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        };
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(resource, partHeaders));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(body, headers);
    }

    /** A user of an organization group of its own; the password is the user id. */
    private String newUser() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        // an organization group ends in digits (the organization id), so the uploads are the organization's
        String group = "participant9" + Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000_000L);
        String user = "fs" + suffix;
        groups.ensureGroup(group, "文件测试 " + suffix, Role.PARTICIPANT);
        groups.ensureUser(user, "测", "试", user + "@example.test", user);
        groups.ensureMembership(user, group);
        return user;
    }
}
