package org.anzexian.platform.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.web.ApiError;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.platform.web.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every portal page has: the user, the menu, the current path; and a refusal rendered as a page
 * with the same Chinese reason and status the API gives.
 */
@ControllerAdvice(annotations = PortalController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalPages {

    private final CurrentActor currentActor;

    PortalPages(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @ModelAttribute
    void common(Model model, HttpServletRequest request) {
        Actor actor = currentActor.require();
        model.addAttribute("actor", actor);
        model.addAttribute("navigation", PortalNavigation.forActor(actor));
        model.addAttribute("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException exception, Model model, HttpServletRequest request, HttpServletResponse response) {
        return refusal(request, HttpStatus.NOT_FOUND, exception.getMessage(), List.of(), model, response);
    }

    @ExceptionHandler(ForbiddenException.class)
    String forbidden(ForbiddenException exception, Model model, HttpServletRequest request, HttpServletResponse response) {
        return refusal(request, HttpStatus.FORBIDDEN, exception.getMessage(), List.of(), model, response);
    }

    @ExceptionHandler(ConflictException.class)
    String conflict(ConflictException exception, Model model, HttpServletRequest request, HttpServletResponse response) {
        return refusal(request, HttpStatus.CONFLICT, exception.getMessage(), List.of(), model, response);
    }

    @ExceptionHandler(InvalidRequestException.class)
    String invalid(InvalidRequestException exception, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return refusal(request, HttpStatus.BAD_REQUEST, "查询条件或提交的内容有误，请改正后再试", exception.fieldErrors(), model, response);
    }

    /** An exception handler gets a fresh model: the frame's attributes are added again. */
    /** A query parameter of the wrong kind (a severity that does not exist, a page that is not a number). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(MethodArgumentTypeMismatchException exception, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return refusal(request, HttpStatus.BAD_REQUEST, "查询条件有误，请改正后再试",
                List.of(new ApiError.FieldMessage(exception.getName(), "取值无效：" + exception.getValue())), model,
                response);
    }

    private String refusal(HttpServletRequest request, HttpStatus status, String reason,
            List<ApiError.FieldMessage> fields, Model model, HttpServletResponse response) {
        common(model, request);
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("reason", reason);
        model.addAttribute("fields", fields);
        return "portal/refusal";
    }
}
