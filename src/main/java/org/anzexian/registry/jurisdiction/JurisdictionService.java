package org.anzexian.registry.jurisdiction;

import java.util.List;
import java.util.Optional;
import org.anzexian.platform.web.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The city's jurisdictions: data of the migration, read-only at run time, so read once. Every overdue hazard
 * asks for its county authority (N8.9): in a storm that was one statement per escalation.
 */
@Service
public class JurisdictionService {

    private final JurisdictionRepository repository;
    private volatile List<Jurisdiction> all;

    JurisdictionService(JurisdictionRepository repository) {
        this.repository = repository;
    }

    /** The city first, then its areas in the official order. */
    public List<Jurisdiction> list() {
        List<Jurisdiction> loaded = all;
        if (loaded == null) {
            loaded = List.copyOf(repository.findAll());
            all = loaded;
        }
        return loaded;
    }

    /** Every jurisdiction but the city: each has a county authority. */
    public List<Jurisdiction> counties() {
        return list().stream().filter(jurisdiction -> !jurisdiction.isCity()).toList();
    }

    public Optional<Jurisdiction> find(String code) {
        return list().stream().filter(jurisdiction -> jurisdiction.code().equals(code)).findFirst();
    }

    public Jurisdiction require(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("未知的辖区 (unknown jurisdiction): " + code));
    }
}
