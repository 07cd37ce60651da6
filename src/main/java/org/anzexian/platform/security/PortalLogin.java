package org.anzexian.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's login writes the same login into the session as the webapps' own, so one login serves the
 * Tasklist and the portal; it counts failures in the same {@link LoginThrottle} as every other door.
 */
@Controller
class PortalLogin {

    private final ProcessEngine engine;
    private final IdentityService identityService;
    private final LoginThrottle throttle;

    PortalLogin(ProcessEngine engine, LoginThrottle throttle) {
        this.engine = engine;
        this.identityService = engine.getIdentityService();
        this.throttle = throttle;
    }

    @GetMapping("/portal/login")
    String loginPage(@RequestParam(defaultValue = "/portal") String next, Model model) {
        model.addAttribute("next", safeNext(next));
        return "portal/login";
    }

    @PostMapping("/portal/login")
    String login(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "/portal") String next, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        String source = request.getRemoteAddr();
        model.addAttribute("next", safeNext(next));
        model.addAttribute("username", username);
        Optional<Duration> wait = throttle.waitBefore(source, username);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("error", "登录失败次数过多，请 " + seconds + " 秒后再试");
            return "portal/login";
        }
        if (username.isBlank() || !identityService.checkPassword(username, password)) {
            throttle.failed(source, username, LoginFailure.WEBAPP);
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("error", "用户名或密码错误");
            return "portal/login";
        }
        throttle.succeeded(source, username);
        signIn(request, AuthenticationUtil.createAuthentication(engine, username));
        // the portal chain keeps its CSRF token across requests (SecurityConfiguration); a login starts a new one
        new HttpSessionCsrfTokenRepository().saveToken(null, request, response);
        return "redirect:" + safeNext(next);
    }

    @PostMapping("/portal/logout")
    String logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/portal/login";
    }

    /** A new session id at login, as the webapps' login does, against session fixation. */
    private static void signIn(HttpServletRequest request, UserAuthentication user) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            authentications = new Authentications();
        }
        authentications.addOrReplace(user);
        AuthenticationUtil.updateSession(session, authentications);
    }

    /** Only a page of the portal: a link must not send a fresh login to another site. */
    static String safeNext(String next) {
        boolean portalPath = next != null && (next.equals("/portal") || next.startsWith("/portal/") || next.startsWith("/portal?"))
                && !next.contains("//") && !next.contains("\\") && !next.startsWith("/portal/login");
        return portalPath ? next : "/portal";
    }
}
