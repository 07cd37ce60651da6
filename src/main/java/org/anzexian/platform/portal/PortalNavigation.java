package org.anzexian.platform.portal;

import java.util.ArrayList;
import java.util.List;
import org.anzexian.platform.access.Actor;

/** The portal's menu for one user: every role sees its own work; administration is the city bureau's. */
public final class PortalNavigation {

    /** One menu entry; {@code external} entries leave the portal (the Tasklist). */
    public record Item(String label, String href, boolean external) {
    }

    private PortalNavigation() {
    }

    public static List<Item> forActor(Actor actor) {
        List<Item> items = new ArrayList<>();
        items.add(new Item("概览", "/portal", false));
        items.add(new Item("我的事项", "/portal/my", false));
        items.add(new Item("隐患", "/portal/lists/hazards", false));
        items.add(new Item("巡查服务", "/portal/lists/visits", false));
        items.add(new Item("理赔", "/portal/lists/claims", false));
        items.add(new Item("考核排名", "/portal/assessments", false));
        if (actor.seesWholeCity() || !actor.countyCodes().isEmpty()) {
            items.add(new Item("未投保项目", "/portal/lists/uninsured", false));
        }
        if (actor.seesWholeCity()) {
            items.add(new Item("管理", "/portal/admin", false));
        }
        items.add(new Item("任务清单", "/camunda/app/tasklist/", true));
        return List.copyOf(items);
    }
}
