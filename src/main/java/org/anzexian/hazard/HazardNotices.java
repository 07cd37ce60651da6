package org.anzexian.hazard;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.anzexian.notification.NotificationService;
import org.anzexian.registry.project.ProjectTitle;
import org.springframework.stereotype.Component;

/**
 * The mails of a hazard's rectification. Each has a deterministic idempotency key
 * ({@code hazard:<id>:r<round>:<step>}), so a step done twice mails once.
 */
@Component
class HazardNotices {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final NotificationService notifications;
    private final Clock clock;

    HazardNotices(NotificationService notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    void send(String template, Collection<String> groups, Hazard hazard, ProjectTitle project, String step,
            Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>();
        model.put("hazardId", hazard.id());
        model.put("projectName", project.name());
        model.put("projectCode", project.code());
        model.put("severity", hazard.severityLabel());
        model.put("category", hazard.categoryLabel());
        model.put("location", hazard.location());
        model.put("description", hazard.description());
        model.put("proposedMeasure", hazard.proposedMeasure());
        model.put("deadline", format(hazard.deadlineAt()));
        model.putAll(extra);
        String reference = "hazard:" + hazard.id();
        notifications.enqueueToGroups(template, groups, model, reference, reference + ":r" + hazard.round() + ":" + step);
    }

    String format(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(clock.getZone()).format(TIME);
    }
}
