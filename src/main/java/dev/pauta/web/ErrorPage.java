package dev.pauta.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page for a browser (one that asks for HTML): a page in the person's language that says what
 * happened and where to go, never a stack trace. Every other client keeps getting problem+json from the API's endpoint.
 */
@Controller
class ErrorPage {

    @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.TEXT_HTML_VALUE)
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        String key = switch (status) {
            case 403 -> "problem.forbidden";
            case 404, 405 -> "problem.page-not-found";
            default -> status >= 500 ? "problem.unexpected" : "problem.bad-input";
        };
        response.setStatus(status);
        model.addAttribute("problem", new PageProblems.Shown(HttpStatus.valueOf(status), key, List.of()));
        return "problem";
    }
}
