package org.anzexian.registry.person;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/people")
@Tag(name = "人员", description = "单位人员、职称与注册证书（仅本单位、市住建局和管理员可见）")
class PersonController {

    private final PersonService people;
    private final CurrentActor currentActor;

    PersonController(PersonService people, CurrentActor currentActor) {
        this.people = people;
        this.currentActor = currentActor;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记人员（本单位人员、市住建局或管理员）")
    Person register(@Valid @RequestBody NewPerson request) {
        return people.register(currentActor.require(), request);
    }

    @GetMapping("/{id}")
    @Operation(summary = "按 id 查询人员")
    Person get(@PathVariable long id) {
        return people.get(currentActor.require(), id);
    }

    @GetMapping
    @Operation(summary = "分页查询人员（sort：id、name、organizationId、safetyYears）")
    PageResult<Person> list(
            @RequestParam(required = false) Long organizationId,
            @Parameter(description = "持有该类注册证书") @RequestParam(required = false) CertificateType certificateType,
            @Parameter(description = "从业年限不少于") @RequestParam(required = false) Integer minYears,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort) {
        return people.list(currentActor.require(), new PersonFilter(organizationId, certificateType, minYears),
                ListQuery.of(page, size, sort, PersonService.sortFields()));
    }
}
