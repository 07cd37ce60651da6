package org.anzexian.underwriting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.anzexian.registry.project.PermitStatus;
import org.anzexian.registry.project.Project;
import org.anzexian.support.PortalClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/** The uninsured list (N1.3, #14) in the portal and on /api: city all, county its area, others refused. */
abstract class UninsuredListContract extends UnderwritingFixtures {

    @LocalServerPort int port;

    @Test
    void theCityAndItsCountySeeAPermittedUninsuredProjectAnotherCountyDoesNot_N1_3() {
        Project permitted = project(builder, PermitStatus.ISSUED, List.of());

        HttpResponse<String> city = PortalClient.loggedIn(port, "city")
                .get("/portal/lists/uninsured?county=140902&sort=projectCode,desc&size=200");
        assertThat(city.statusCode()).isEqualTo(200);
        assertThat(city.body()).contains(permitted.code(), "/portal/cases/project/" + permitted.id(), "忻府区", "共 ");
        assertThat(PortalClient.loggedIn(port, "xinfu").get("/portal/lists/uninsured?sort=projectCode,desc&size=200")
                .body()).contains(permitted.code());
        HttpResponse<String> yuanping = PortalClient.loggedIn(port, "yuanping").get("/portal/lists/uninsured?size=200");
        assertThat(yuanping.statusCode()).isEqualTo(200);
        assertThat(yuanping.body()).doesNotContain(permitted.code());
        // a county asking for another area gets nothing of it
        assertThat(PortalClient.loggedIn(port, "yuanping").get("/portal/lists/uninsured?county=140902&size=200").body())
                .doesNotContain(permitted.code());
    }

    @Test
    void theUninsuredListIsPagedAndSortedOnTheApi() {
        Project first = project(builder, PermitStatus.ISSUED, List.of());
        Project second = project(builder, PermitStatus.ISSUED, List.of());

        JsonNode ascending = http.withBasicAuth("xinfu", "xinfu")
                .getForObject("/api/projects-without-policy?county=140902&sort=projectCode,asc&size=200", JsonNode.class);
        JsonNode descending = http.withBasicAuth("xinfu", "xinfu")
                .getForObject("/api/projects-without-policy?county=140902&sort=projectCode,desc&size=200", JsonNode.class);
        List<String> up = codes(ascending);
        List<String> down = codes(descending);
        assertThat(up).contains(first.code(), second.code()).isSorted();
        List<String> reversed = new java.util.ArrayList<>(up);
        java.util.Collections.reverse(reversed);
        assertThat(down).containsExactlyElementsOf(reversed);
        JsonNode one = http.withBasicAuth("xinfu", "xinfu")
                .getForObject("/api/projects-without-policy?county=140902&sort=projectCode,asc&size=1&page=1", JsonNode.class);
        assertThat(one.path("total").asLong()).isEqualTo(up.size());
        assertThat(codes(one)).containsExactly(up.get(1));
        assertThat(http.withBasicAuth("xinfu", "xinfu").getForEntity("/api/projects-without-policy?sort=premium",
                String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anInsurerIsRefusedTheUninsuredPage() {
        HttpResponse<String> refused = PortalClient.loggedIn(port, "picc").get("/portal/lists/uninsured");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("只有县区主管部门和市住建局可以查看");
        // the positive twin
        assertThat(PortalClient.loggedIn(port, "city").get("/portal/lists/uninsured").statusCode()).isEqualTo(200);
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new java.util.ArrayList<>();
        page.path("items").forEach(item -> codes.add(item.path("projectCode").asText()));
        return codes;
    }
}
