package org.anzexian.service.team;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.anzexian.platform.engine.FormRows;
import org.anzexian.platform.engine.FormValues;
import org.anzexian.service.team.ServiceTeamRequest.InsurerMember;

/**
 * The fields of the Tasklist form {@code forms/serviceTeamRegistration.html} as a {@link ServiceTeamRequest}:
 * the insurer's own team as rows, one person each ({@code insurerMember<n>Name}, {@code …Duty},
 * {@code …Phone}, {@code …Email}, as many as added, #12); the service organization picked from the filed
 * register, its leads and staff from its filed roster (the form's script writes the ticked staff one per line).
 */
final class ServiceTeamForm {

    static final FormRows INSURER_TEAM = new FormRows("insurerMember", List.of("Name", "Duty", "Phone", "Email"));
    static final String SERVICE_ORG_ID = "serviceOrgId";
    static final String TECHNICAL_LEAD = "technicalLead";
    static final String PROJECT_LEAD = "projectLead";
    static final String SERVICE_STAFF_LINES = "serviceStaffLines";

    /**
     * The request the form describes; every problem of every row of the insurer's team is refused at once,
     * each naming its row (保险服务团队成员 2：…).
     *
     * @param submitted the names of the submitted variables (the rows among them)
     */
    static ServiceTeamRequest read(FormValues form, Set<String> submitted) {
        List<InsurerMember> insurerTeam = new ArrayList<>();
        for (int row = 1; row <= INSURER_TEAM.count(submitted); row++) {
            insurerTeam.add(insurerMember(form, row));
        }
        ServiceTeamRequest request = new ServiceTeamRequest(insurerTeam, form.longValue(SERVICE_ORG_ID),
                form.text(TECHNICAL_LEAD), form.text(PROJECT_LEAD), form.lines(SERVICE_STAFF_LINES));
        form.throwIfInvalid();
        return request;
    }

    private static InsurerMember insurerMember(FormValues form, int row) {
        String prefix = "保险服务团队成员 " + row + "：";
        String name = required(form, row, "Name", prefix + "必须填写姓名 (name)", 64);
        String duty = required(form, row, "Duty", prefix + "必须填写职责 (duty)", 64);
        String phone = required(form, row, "Phone", prefix + "必须填写联系电话 (phone)", 32);
        String email = form.text(INSURER_TEAM.field(row, "Email"));
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            form.problem(INSURER_TEAM.field(row, "Email"), prefix + "电子邮箱格式不正确 (invalid e-mail)");
        }
        return new InsurerMember(name, duty, phone, email);
    }

    private static String required(FormValues form, int row, String part, String problem, int maxLength) {
        String field = INSURER_TEAM.field(row, part);
        String value = form.text(field);
        if (value == null) {
            form.problem(field, problem);
        } else if (value.length() > maxLength) {
            form.problem(field, problem.substring(0, problem.indexOf('：') + 1) + "最多 " + maxLength + " 字 (too long)");
        }
        return value;
    }

    private ServiceTeamForm() {
    }
}
