package org.anzexian.platform.web;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One refusal of everything wrong with what a Tasklist form submitted (#12): what the form reader could not
 * read, the Bean Validation constraints of the record built from it (as {@code /api} checks them) and the
 * service's own rules — each field named as the form labels it, also in the message, since the Tasklist
 * shows the messages only. A constraint on a field the form reader already named is not repeated.
 */
public final class FormRefusal {

    private FormRefusal() {
    }

    /**
     * @param formProblems what the form reader found
     * @param record       the record the form describes, validated with {@code validator}
     * @param ruleProblems the service's findings beyond the constraints
     * @param label        the form's label of a variable or property path
     */
    public static void throwIfAny(Validator validator, Object record, List<ApiError.FieldMessage> formProblems,
            List<ApiError.FieldMessage> ruleProblems, Function<String, String> label) {
        List<ApiError.FieldMessage> problems = new ArrayList<>(formProblems);
        Set<String> named = new HashSet<>();
        formProblems.forEach(problem -> named.add(label.apply(problem.field())));
        validator.validate(record).stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .forEach(violation -> problems.add(new ApiError.FieldMessage(violation.getPropertyPath().toString(),
                        violation.getMessage())));
        problems.addAll(ruleProblems);
        FieldViolations violations = new FieldViolations();
        Set<String> reported = new HashSet<>();
        for (ApiError.FieldMessage problem : problems) {
            String name = label.apply(problem.field());
            if (reported.add(name + "\u0000" + problem.message())
                    && (formProblems.contains(problem) || !named.contains(name))) {
                violations.add(name, "「" + name + "」" + problem.message());
            }
        }
        violations.throwIfAny();
    }

    /** The violations {@code check} throws, as findings to report with the others; none when it passes. */
    public static List<ApiError.FieldMessage> findings(Runnable check) {
        try {
            check.run();
            return List.of();
        } catch (InvalidRequestException refused) {
            return refused.fieldErrors();
        }
    }
}
