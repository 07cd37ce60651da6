package org.anzexian.registry.person;

import java.util.List;

/**
 * A person of an organization: {@code role} is the job (项目负责人, 技术负责人, 服务人员 …),
 * {@code title} the professional title (高级工程师 …), {@code userId} the login if the person has one.
 */
public record Person(
        long id,
        long organizationId,
        String name,
        String role,
        String title,
        int safetyYears,
        String userId,
        String email,
        List<Certificate> certificates) {

    public Person {
        certificates = List.copyOf(certificates);
    }
}
