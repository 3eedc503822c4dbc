package dev.pauta.web;

import dev.pauta.authoring.AuthoringException;
import dev.pauta.authoring.PolicyTableForms;
import dev.pauta.manual.Bundle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A policy table of a change as a form: rows added, removed and moved with plain buttons (the page works without script),
 * each cell checked as it is typed, and the shared columns (numbers and codes) written into every locale at once. A stale
 * save keeps the owner's rows and shows the saved table beside them.
 */
@Controller
@RequestMapping("/studio/changes/{id}/tables")
class TablePage {

    private static final java.util.regex.Pattern CELL = java.util.regex.Pattern.compile("r(\\d{1,4})\\.([A-Za-z0-9_-]{1,60})");

    private final PolicyTableForms forms;

    TablePage(PolicyTableForms forms) {
        this.forms = forms;
    }

    @GetMapping
    String form(@PathVariable("id") long id, @RequestParam("path") @Size(max = Bundle.MAX_PATH_LENGTH) String path,
                @RequestParam("table") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,99}") String table, Model model) {
        PolicyTableForms.TableForm form = forms.read(id, path, table);
        model.addAttribute("form", form);
        model.addAttribute("rows", form.rows().stream().map(r -> withOrigin(r.cells(), r.index())).toList());
        model.addAttribute("revision", form.revision());
        return "studio/table";
    }

    /** Every button of the form posts here: add, remove or move a row (nothing saved yet), or save. */
    @PostMapping
    String act(@PathVariable("id") long id, @RequestParam("path") @Size(max = Bundle.MAX_PATH_LENGTH) String path,
               @RequestParam("table") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,99}") String table, @RequestParam("baseRevision") long baseRevision,
               @RequestParam("op") @Pattern(regexp = "add|save|(up|down|remove):\\d{1,4}") String op, HttpServletRequest request, Principal person,
               HttpServletResponse response, Model model) {
        PolicyTableForms.TableForm current = forms.read(id, path, table);
        List<Map<String, String>> rows = rows(request, current);
        int at = op.contains(":") ? Integer.parseInt(op.substring(op.indexOf(':') + 1)) : -1;
        switch (op.contains(":") ? op.substring(0, op.indexOf(':')) : op) {
            case "add" -> {
                Map<String, String> blank = new LinkedHashMap<>();
                current.columns().forEach(c -> blank.put(c.key(), ""));
                rows.add(blank);
            }
            case "remove" -> {
                if (at < rows.size()) {
                    rows.remove(at);
                }
            }
            case "up" -> swap(rows, at, at - 1);
            case "down" -> swap(rows, at, at + 1);
            default -> {
                try {
                    forms.save(id, path, table, rows, baseRevision, person.getName());
                    return "redirect:/studio/changes/" + id + "/tables?saved&table=" + table + "&path="
                            + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8);
                } catch (AuthoringException.StaleRevision stale) {
                    response.setStatus(409);
                    model.addAttribute("theirs", current);
                    baseRevision = current.revision();
                } catch (AuthoringException.BadInput refused) {
                    response.setStatus(422);
                    model.addAttribute("refused", refused.getMessage());
                }
            }
        }
        model.addAttribute("form", current);
        model.addAttribute("rows", rows);
        model.addAttribute("revision", baseRevision);
        model.addAttribute("moved", op);
        return "studio/table";
    }

    /** One cell as typed: the problems of the value in the input that triggered the request (htmx names it). */
    @PostMapping("/check")
    String check(@PathVariable("id") long id, @RequestParam("path") @Size(max = Bundle.MAX_PATH_LENGTH) String path,
                 @RequestParam("table") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,99}") String table,
                 @RequestHeader(name = "HX-Trigger-Name", required = false) String cell, HttpServletRequest request, Model model) {
        java.util.regex.Matcher m = cell == null ? null : CELL.matcher(cell);
        List<PolicyTableForms.CellProblem> problems = m == null || !m.matches() ? List.of()
                : forms.check(id, path, table, m.group(2), String.valueOf(request.getParameter(cell)));
        model.addAttribute("problems", problems);
        return "studio/table :: cell-problems";
    }

    private static Map<String, String> withOrigin(Map<String, String> cells, int index) {
        Map<String, String> row = new LinkedHashMap<>(cells);
        row.put(PolicyTableForms.ROW_KEY, Integer.toString(index));
        return row;
    }

    /** The rows as posted, in order; each keeps the row it came from so moved rows keep their translations. */
    private static List<Map<String, String>> rows(HttpServletRequest request, PolicyTableForms.TableForm form) {
        int count = Math.min(parse(request.getParameter("rows")), 1000);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (PolicyTableForms.Column column : form.columns()) {
                String value = request.getParameter("r" + i + "." + column.key());
                row.put(column.key(), value == null ? "" : value.strip());
            }
            String origin = request.getParameter("r" + i + "." + PolicyTableForms.ROW_KEY);
            if (origin != null && origin.matches("\\d{1,4}")) {
                row.put(PolicyTableForms.ROW_KEY, origin);
            }
            rows.add(row);
        }
        return rows;
    }

    private static void swap(List<Map<String, String>> rows, int a, int b) {
        if (a >= 0 && b >= 0 && a < rows.size() && b < rows.size()) {
            Map<String, String> kept = rows.get(a);
            rows.set(a, rows.get(b));
            rows.set(b, kept);
        }
    }

    private static int parse(String number) {
        return number != null && number.matches("\\d{1,4}") ? Integer.parseInt(number) : 0;
    }
}
