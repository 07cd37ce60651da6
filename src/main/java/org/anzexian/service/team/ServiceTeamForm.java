package org.anzexian.service.team;

import java.util.Arrays;
import java.util.List;
import org.anzexian.platform.engine.FormValues;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.service.team.ServiceTeamRequest.InsurerMember;

/**
 * The fields of the Tasklist form {@code forms/serviceTeamRegistration.html} as a {@link ServiceTeamRequest}:
 * the insurer's own team typed one person per line; the service organization picked from the filed register,
 * its leads and staff from its filed roster (the form's script writes the ticked staff one per line, #12).
 */
final class ServiceTeamForm {

    static final String INSURER_TEAM_LINES = "insurerTeamLines";
    static final String SERVICE_ORG_ID = "serviceOrgId";
    static final String TECHNICAL_LEAD = "technicalLead";
    static final String PROJECT_LEAD = "projectLead";
    static final String SERVICE_STAFF_LINES = "serviceStaffLines";

    static ServiceTeamRequest read(FormValues form) {
        List<InsurerMember> insurerTeam = form.lines(INSURER_TEAM_LINES).stream().map(ServiceTeamForm::insurerMember)
                .toList();
        ServiceTeamRequest request = new ServiceTeamRequest(insurerTeam, form.longValue(SERVICE_ORG_ID),
                form.text(TECHNICAL_LEAD), form.text(PROJECT_LEAD), form.lines(SERVICE_STAFF_LINES));
        form.throwIfInvalid();
        return request;
    }

    /** "姓名,职责,电话[,邮箱]" */
    private static InsurerMember insurerMember(String line) {
        String[] parts = Arrays.stream(line.split("[,，]")).map(String::strip).toArray(String[]::new);
        if (parts.length < 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new InvalidRequestException(INSURER_TEAM_LINES,
                    "每行填写：姓名,职责,电话[,邮箱] (one member per line: name,duty,phone[,e-mail]): " + line);
        }
        return new InsurerMember(parts[0], parts[1], parts[2], parts.length > 3 && !parts[3].isEmpty() ? parts[3] : null);
    }

    private ServiceTeamForm() {
    }
}
