package org.anzexian.registry.person;

import java.time.LocalDate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.anzexian.platform.web.SortFields;
import org.anzexian.platform.web.SortQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class PersonRepository {

    private static final String SELECT = """
            SELECT id, organization_id, name, job_role, title, safety_years, camunda_user, email
            FROM person
            """;

    private final JdbcClient jdbc;

    PersonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewPerson person, OffsetDateTime createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO person (organization_id, name, job_role, title, safety_years, camunda_user, email, created_at)
                VALUES (:organizationId, :name, :role, :title, :safetyYears, :userId, :email, :createdAt)
                """)
                .param("organizationId", person.organizationId())
                .param("name", person.name().strip())
                .param("role", person.role().strip())
                .param("title", person.title())
                .param("safetyYears", person.safetyYears())
                .param("userId", person.userId())
                .param("email", person.email())
                .param("createdAt", createdAt)
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        for (NewPerson.NewCertificate certificate : person.certificates()) {
            jdbc.sql("""
                    INSERT INTO person_certificate (person_id, cert_type, cert_number, valid_until)
                    VALUES (:personId, :type, :number, :validUntil)
                    """)
                    .param("personId", id)
                    .param("type", certificate.type().name())
                    .param("number", certificate.number().strip())
                    .param("validUntil", certificate.validUntil())
                    .update();
        }
        return id;
    }

    boolean certificateExists(CertificateType type, String number) {
        return jdbc.sql("SELECT COUNT(*) FROM person_certificate WHERE cert_type = :type AND cert_number = :number")
                .param("type", type.name()).param("number", number.strip())
                .query(Long.class).single() > 0;
    }

    boolean userIdTaken(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE camunda_user = :userId").param("userId", userId)
                .query(Long.class).single() > 0;
    }

    Optional<Person> findById(long id) {
        return withCertificates(jdbc.sql(SELECT + "WHERE id = :id").param("id", id).query(PersonRepository::map).list())
                .stream().findFirst();
    }

    /**
     * People matching the filter; {@code organizationIds} limits them to those organizations,
     * {@code null} means no limit.
     */
    /** What the people list may be sorted by (field → column). */
    static final SortFields SORT = SortFields.of(new LinkedHashMap<>(Map.of("id", "id", "name", "name",
            "organizationId", "organization_id", "safetyYears", "safety_years")), "id", "id", "asc");

    List<Person> find(PersonFilter filter, Collection<Long> organizationIds, SortQuery sort, long offset, int limit) {
        Where where = where(filter, organizationIds);
        return withCertificates(jdbc.sql(SELECT + where.sql + SORT.orderBy(sort) + " LIMIT :limit OFFSET :offset")
                .params(where.params).param("limit", limit).param("offset", offset)
                .query(PersonRepository::map).list());
    }

    long count(PersonFilter filter, Collection<Long> organizationIds) {
        Where where = where(filter, organizationIds);
        return jdbc.sql("SELECT COUNT(*) FROM person " + where.sql).params(where.params).query(Long.class).single();
    }

    private static Where where(PersonFilter filter, Collection<Long> organizationIds) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (organizationIds != null) {
            conditions.add("organization_id IN (:visible)");
            params.put("visible", organizationIds);
        }
        if (filter.organizationId() != null) {
            conditions.add("organization_id = :organizationId");
            params.put("organizationId", filter.organizationId());
        }
        if (filter.certificateType() != null) {
            conditions.add("EXISTS (SELECT 1 FROM person_certificate c WHERE c.person_id = person.id AND c.cert_type = :certType)");
            params.put("certType", filter.certificateType().name());
        }
        if (filter.minYears() != null) {
            conditions.add("safety_years >= :minYears");
            params.put("minYears", filter.minYears());
        }
        return new Where(conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions), params);
    }

    /** Loads the certificates of all given people in one query. */
    private List<Person> withCertificates(List<Person> people) {
        if (people.isEmpty()) {
            return people;
        }
        Map<Long, List<Certificate>> certificates = jdbc.sql("""
                SELECT person_id, cert_type, cert_number, valid_until FROM person_certificate
                WHERE person_id IN (:ids) ORDER BY id
                """)
                .param("ids", people.stream().map(Person::id).toList())
                .query((row, n) -> Map.entry(row.getLong("person_id"), new Certificate(
                        CertificateType.valueOf(row.getString("cert_type")),
                        row.getString("cert_number"),
                        row.getObject("valid_until", LocalDate.class))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return people.stream()
                .map(person -> new Person(person.id(), person.organizationId(), person.name(), person.role(),
                        person.title(), person.safetyYears(), person.userId(), person.email(),
                        certificates.getOrDefault(person.id(), List.of())))
                .toList();
    }

    private static Person map(ResultSet row, int rowNumber) throws SQLException {
        return new Person(
                row.getLong("id"),
                row.getLong("organization_id"),
                row.getString("name"),
                row.getString("job_role"),
                row.getString("title"),
                row.getInt("safety_years"),
                row.getString("camunda_user"),
                row.getString("email"),
                List.of());
    }

    private record Where(String sql, Map<String, Object> params) {
    }
}
