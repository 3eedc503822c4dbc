package dev.pauta.web;

import dev.pauta.authoring.AuthoringException;
import dev.pauta.decisions.CapReachedException;
import dev.pauta.decisions.DecisionLogUnavailableException;
import dev.pauta.decisions.DecisionTooLargeException;
import dev.pauta.decisions.Decisions;
import dev.pauta.decisions.LedgerBusyException;
import dev.pauta.guidance.SectionNotFoundException;
import dev.pauta.guidance.UnknownCodeException;
import dev.pauta.insights.Suggestions;
import dev.pauta.rules.RuleFailure;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the pages show when something is refused or fails: a message in the person's language with what to do next, in
 * the region that asked (a partial request) or on a page of its own; never a stack trace. Applies to the pages' controllers
 * only, ahead of the API's problem+json handlers, which stay global for everything else.
 */
@ControllerAdvice(basePackageClasses = PageProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

    /** One message key with its arguments and the status it is sent with. */
    record Shown(HttpStatus status, String key, List<Object> args) {
    }

    @ExceptionHandler(UnknownCodeException.class)
    ModelAndView unknownCode(UnknownCodeException e, HttpServletRequest request) {
        return show(request, new Shown(HttpStatus.UNPROCESSABLE_CONTENT, "problem.unknown-code", List.of(e.field(), String.valueOf(e.value()))));
    }

    @ExceptionHandler(SectionNotFoundException.class)
    ModelAndView sectionNotFound(SectionNotFoundException e, HttpServletRequest request) {
        return show(request, new Shown(HttpStatus.NOT_FOUND, "problem.section-not-found", List.of(String.valueOf(e.id))));
    }

    @ExceptionHandler(Decisions.NotFound.class)
    ModelAndView decisionNotFound(HttpServletRequest request) {
        return show(request, new Shown(HttpStatus.NOT_FOUND, "problem.decision-not-found", List.of()));
    }

    @ExceptionHandler(Decisions.UnknownAction.class)
    ModelAndView unknownAction(HttpServletRequest request) {
        return show(request, new Shown(HttpStatus.UNPROCESSABLE_CONTENT, "problem.unknown-action", List.of()));
    }

    @ExceptionHandler(Suggestions.Invalid.class)
    ModelAndView invalidReport(HttpServletRequest request) {
        return show(request, new Shown(HttpStatus.BAD_REQUEST, "problem.report-invalid", List.of(Suggestions.MAX_TEXT)));
    }

    @ExceptionHandler(Decisions.ReasonNotAllowed.class)
    ModelAndView reasonNotAllowed(HttpServletRequest request) {
        return show(request, new Shown(HttpStatus.UNPROCESSABLE_CONTENT, "problem.bad-input", List.of()));
    }

    @ExceptionHandler(AuthoringException.NotFound.class)
    ModelAndView authoringNotFound(AuthoringException.NotFound e, HttpServletRequest request) {
        return show(request, new Shown(HttpStatus.NOT_FOUND, "problem.not-found", List.of(e.getMessage())));
    }

    @ExceptionHandler(AuthoringException.FourEyes.class)
    ModelAndView fourEyes(HttpServletRequest request) {
        return show(request, new Shown(HttpStatus.FORBIDDEN, "problem.four-eyes", List.of()));
    }

    @ExceptionHandler(AuthoringException.NotApproved.class)
    ModelAndView notApproved(HttpServletRequest request) {
        return show(request, new Shown(HttpStatus.CONFLICT, "problem.not-approved", List.of()));
    }

    @ExceptionHandler(AuthoringException.WrongState.class)
    ModelAndView wrongState(AuthoringException.WrongState e, HttpServletRequest request) {
        return show(request, new Shown(HttpStatus.CONFLICT, "problem.wrong-state", List.of(e.state())));
    }

    @ExceptionHandler(AuthoringException.StaleRevision.class)
    ModelAndView staleElsewhere(HttpServletRequest request) {
        return show(request, new Shown(HttpStatus.CONFLICT, "problem.stale", List.of()));
    }

    @ExceptionHandler(AuthoringException.Closed.class)
    ModelAndView changeClosed(HttpServletRequest request) {
        return show(request, new Shown(HttpStatus.CONFLICT, "problem.change-closed", List.of()));
    }

    @ExceptionHandler(AuthoringException.BadInput.class)
    ModelAndView authoringBadInput(AuthoringException.BadInput e, HttpServletRequest request) {
        return show(request, new Shown(HttpStatus.BAD_REQUEST, "problem.authoring-input", List.of(e.getMessage())));
    }

    @ExceptionHandler(CapReachedException.class)
    ModelAndView capReached(CapReachedException e, HttpServletRequest request) {
        return show(request, new Shown(HttpStatus.CONFLICT, "problem.cap-reached",
                List.of(CapReachedException.whole(e.max()), CapReachedException.whole(e.windowDays()), e.counting().size())));
    }

    @ExceptionHandler({DecisionLogUnavailableException.class, LedgerBusyException.class})
    ModelAndView busy(RuntimeException e, HttpServletRequest request) {
        log.warn("A page request could not be served now: {}", e.getMessage());
        return show(request, new Shown(HttpStatus.SERVICE_UNAVAILABLE, "problem.busy", List.of()));
    }

    @ExceptionHandler(DecisionTooLargeException.class)
    ModelAndView tooLarge(HttpServletRequest request) {
        return show(request, new Shown(HttpStatus.CONTENT_TOO_LARGE, "problem.too-large", List.of()));
    }

    @ExceptionHandler(RuleFailure.class)
    ModelAndView ruleFailure(RuleFailure e, HttpServletRequest request) {
        log.error("Rule evaluation stopped ({}) for a page request: {}", e.kind(), e.getMessage());
        return show(request, new Shown(e.kind() == RuleFailure.Kind.ERROR ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.SERVICE_UNAVAILABLE,
                "problem.rules", List.of(e.rule() == null ? "" : e.rule())));
    }

    @ExceptionHandler({HandlerMethodValidationException.class, ConstraintViolationException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class, org.springframework.validation.BindException.class})
    ModelAndView badInput(HttpServletRequest request) {
        return show(request, new Shown(HttpStatus.BAD_REQUEST, "problem.bad-input", List.of()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    void denied(AccessDeniedException e) {
        // the security filters answer it: sign in, or 403
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on page {} {}", request.getMethod(), request.getRequestURI(), e);
        return show(request, new Shown(HttpStatus.INTERNAL_SERVER_ERROR, "problem.unexpected", List.of()));
    }

    private static ModelAndView show(HttpServletRequest request, Shown shown) {
        boolean partial = request.getHeader("HX-Request") != null;
        ModelAndView view = new ModelAndView(partial ? "problem :: message" : "problem");
        view.addObject("problem", shown);
        view.setStatus(shown.status());
        return view;
    }
}
