package dev.pauta.web;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import java.util.List;

/** Two versions of a document as rows of old and new lines, changed words marked; the generator HTML-escapes every line (its default normalizer). */
record SideBySide(String path, String status, List<Row> rows, int changed) {

    /** One line pair; {@code tag} is EQUAL, INSERT, DELETE or CHANGE; the texts are escaped HTML with {@code <del>}/{@code <ins>} marks. */
    record Row(String tag, int oldLine, int newLine, String oldText, String newText) {
    }

    private static final DiffRowGenerator GENERATOR = DiffRowGenerator.create()
            .showInlineDiffs(true).inlineDiffByWord(true).mergeOriginalRevised(false)
            .oldTag(start -> start ? "<del>" : "</del>").newTag(start -> start ? "<ins>" : "</ins>")
            .build();

    /** Equal runs longer than this are folded to their first and last lines, so a one-word edit reads on one screen. */
    private static final int CONTEXT = 3;

    static SideBySide of(String path, String before, String after) {
        List<String> old = before == null ? List.of() : before.lines().toList();
        List<String> now = after == null ? List.of() : after.lines().toList();
        List<DiffRow> rows = GENERATOR.generateDiffRows(old, now);
        java.util.ArrayList<Row> shown = new java.util.ArrayList<>();
        int oldLine = 0;
        int newLine = 0;
        int changed = 0;
        for (int i = 0; i < rows.size(); i++) {
            DiffRow row = rows.get(i);
            boolean hasOld = row.getTag() != DiffRow.Tag.INSERT;
            boolean hasNew = row.getTag() != DiffRow.Tag.DELETE;
            oldLine += hasOld ? 1 : 0;
            newLine += hasNew ? 1 : 0;
            if (row.getTag() != DiffRow.Tag.EQUAL) {
                changed++;
            }
            if (row.getTag() == DiffRow.Tag.EQUAL && !near(rows, i)) {
                if (shown.isEmpty() || !"SKIP".equals(shown.get(shown.size() - 1).tag())) {
                    shown.add(new Row("SKIP", 0, 0, "", ""));
                }
                continue;
            }
            shown.add(new Row(row.getTag().name(), hasOld ? oldLine : 0, hasNew ? newLine : 0, row.getOldLine(), row.getNewLine()));
        }
        String status = before == null ? "ADDED" : after == null ? "REMOVED" : changed == 0 ? "UNCHANGED" : "MODIFIED";
        return new SideBySide(path, status, List.copyOf(shown), changed);
    }

    private static boolean near(List<DiffRow> rows, int i) {
        for (int j = Math.max(0, i - CONTEXT); j <= Math.min(rows.size() - 1, i + CONTEXT); j++) {
            if (rows.get(j).getTag() != DiffRow.Tag.EQUAL) {
                return true;
            }
        }
        return false;
    }
}
