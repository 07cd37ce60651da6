package org.anzexian.platform.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the system where to go, once everything (demo data included) is ready. */
@Component
class StartupGuide {

    private static final Logger log = LoggerFactory.getLogger(StartupGuide.class);

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    void printWhereToGo(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        log.info("""

                ==== anzexian 安责险业务系统已启动 ====
                  任务列表 Tasklist : {}/camunda/app/tasklist/default/
                  监控 Cockpit      : {}/camunda/app/cockpit/default/
                  管理 Admin        : {}/camunda/app/admin/default/
                  接口文档 API docs : {}/swagger-ui.html
                  健康检查 Health   : {}/actuator/health
                """, base, base, base, base, base);
    }
}
