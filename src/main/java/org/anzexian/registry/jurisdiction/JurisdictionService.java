package org.anzexian.registry.jurisdiction;

import java.util.List;
import java.util.Optional;
import org.anzexian.platform.web.NotFoundException;
import org.springframework.stereotype.Service;

/** The city's jurisdictions: data of the migration, read-only at run time. */
@Service
public class JurisdictionService {

    private final JurisdictionRepository repository;

    JurisdictionService(JurisdictionRepository repository) {
        this.repository = repository;
    }

    /** The city first, then its areas in the official order. */
    public List<Jurisdiction> list() {
        return repository.findAll();
    }

    /** Every jurisdiction but the city: each has a county authority. */
    public List<Jurisdiction> counties() {
        return repository.findAll().stream().filter(jurisdiction -> !jurisdiction.isCity()).toList();
    }

    public Optional<Jurisdiction> find(String code) {
        return code == null ? Optional.empty() : repository.findByCode(code);
    }

    public Jurisdiction require(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("未知的辖区 (unknown jurisdiction): " + code));
    }
}
