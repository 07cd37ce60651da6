package org.anzexian.notification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.web.ForbiddenException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The mail outbox for admins: what was sent to whom, what is waiting and what failed. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final NotificationService notifications;
    private final CurrentActor currentActor;

    NotificationController(NotificationService notifications, CurrentActor currentActor) {
        this.notifications = notifications;
        this.currentActor = currentActor;
    }

    @GetMapping
    NoticePage list(
            @RequestParam(required = false) NoticeStatus status,
            @RequestParam(required = false) String template,
            @RequestParam(required = false) String reference,
            @RequestParam(required = false) String recipient,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) List<String> sort) {
        if (!currentActor.require().isAdmin()) {
            // mails name people and their business; only admins read the whole outbox
            throw new ForbiddenException("只有管理员可以查看发件箱 (admins only)");
        }
        return notifications.list(new NoticeFilter(status, template, reference, recipient), page, size,
                NotificationService.sortFields().parse(sort));
    }
}
