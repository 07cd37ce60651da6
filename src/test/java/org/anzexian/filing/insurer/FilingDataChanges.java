package org.anzexian.filing.insurer;

import java.util.List;
import org.anzexian.filing.insurer.InsurerFilingData.AuditReport;
import org.anzexian.filing.insurer.InsurerFilingData.Experience;
import org.anzexian.filing.insurer.InsurerFilingData.License;
import org.anzexian.filing.insurer.InsurerFilingData.ProjectLead;
import org.anzexian.filing.insurer.InsurerFilingData.TeamMember;

/** One changed part of a filing, for the failing case of each check. */
final class FilingDataChanges {

    private FilingDataChanges() {
    }

    static InsurerFilingData licenses(InsurerFilingData d, License business, License insurance) {
        return new InsurerFilingData(d.insurerOrgId(), d.parentName(), d.parentCreditCode(), d.parentAuthorizationHash(),
                business, insurance, d.principal(), d.relatedOrganizations(), d.auditReport(), d.projectLeads(),
                d.managementTeam(), d.insurancePlan(), d.policyTerms(), d.claimsService(), d.preventionPlan(), d.experience());
    }

    static InsurerFilingData parent(InsurerFilingData d, String name, String creditCode, String authorizationHash) {
        return new InsurerFilingData(d.insurerOrgId(), name, creditCode, authorizationHash, d.businessLicense(),
                d.insuranceLicense(), d.principal(), List.of(), d.auditReport(), d.projectLeads(),
                d.managementTeam(), d.insurancePlan(), d.policyTerms(), d.claimsService(), d.preventionPlan(), d.experience());
    }

    static InsurerFilingData leads(InsurerFilingData d, List<ProjectLead> leads) {
        return new InsurerFilingData(d.insurerOrgId(), d.parentName(), d.parentCreditCode(), d.parentAuthorizationHash(),
                d.businessLicense(), d.insuranceLicense(), d.principal(), d.relatedOrganizations(), d.auditReport(), leads,
                d.managementTeam(), d.insurancePlan(), d.policyTerms(), d.claimsService(), d.preventionPlan(), d.experience());
    }

    static InsurerFilingData audit(InsurerFilingData d, AuditReport audit) {
        return new InsurerFilingData(d.insurerOrgId(), d.parentName(), d.parentCreditCode(), d.parentAuthorizationHash(),
                d.businessLicense(), d.insuranceLicense(), d.principal(), d.relatedOrganizations(), audit, d.projectLeads(),
                d.managementTeam(), d.insurancePlan(), d.policyTerms(), d.claimsService(), d.preventionPlan(), d.experience());
    }

    static InsurerFilingData experience(InsurerFilingData d, Experience experience) {
        return new InsurerFilingData(d.insurerOrgId(), d.parentName(), d.parentCreditCode(), d.parentAuthorizationHash(),
                d.businessLicense(), d.insuranceLicense(), d.principal(), d.relatedOrganizations(), d.auditReport(),
                d.projectLeads(), d.managementTeam(), d.insurancePlan(), d.policyTerms(), d.claimsService(),
                d.preventionPlan(), experience);
    }

    static InsurerFilingData managementTeam(InsurerFilingData d, List<TeamMember> team) {
        return new InsurerFilingData(d.insurerOrgId(), d.parentName(), d.parentCreditCode(), d.parentAuthorizationHash(),
                d.businessLicense(), d.insuranceLicense(), d.principal(), d.relatedOrganizations(), d.auditReport(),
                d.projectLeads(), team, d.insurancePlan(), d.policyTerms(), d.claimsService(), d.preventionPlan(),
                d.experience());
    }
}
