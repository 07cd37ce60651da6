package org.anzexian.platform.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Supplier;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * Renders a list page's refusal (403, 404, 400) in the page's own model, which holds the user and the menu the
 * frame needs (an exception handler's model does not), with the same Chinese reason and status as the API.
 */
public final class PortalRefusals {

    private PortalRefusals() {
    }

    /** The view of {@code page}, or the refusal page when it refuses. */
    public static String guard(Model model, HttpServletResponse response, Supplier<String> page) {
        try {
            return page.get();
        } catch (ForbiddenException refused) {
            return render(HttpStatus.FORBIDDEN, refused.getMessage(), List.of(), model, response);
        } catch (NotFoundException missing) {
            return render(HttpStatus.NOT_FOUND, missing.getMessage(), List.of(), model, response);
        } catch (InvalidRequestException invalid) {
            return render(HttpStatus.BAD_REQUEST, "查询条件有误，请改正后再试", invalid.fieldErrors(), model, response);
        }
    }

    private static String render(HttpStatus status, String reason, List<?> fields, Model model,
            HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("reason", reason);
        model.addAttribute("fields", fields);
        return "portal/refusal";
    }
}
