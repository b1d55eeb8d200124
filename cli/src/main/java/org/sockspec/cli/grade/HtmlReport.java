package org.sockspec.cli.grade;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: the class on one offline page (no external resource: styles, script and
 * data are inline). A students x specs matrix whose cells open their evidence when clicked, and the
 * pass rate of every spec across the class, worst first: which behaviours the class got wrong.
 */
final class HtmlReport {
  private static final String STYLE = """
      body{font:14px/1.4 system-ui,sans-serif;margin:16px;color:#1d1d1f}
      h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:20px 0 6px}
      .meta{color:#555;margin-bottom:12px}
      table.m{border-collapse:collapse}
      .m th,.m td{border:1px solid #ddd;padding:2px 4px;text-align:center}
      .m th.spec{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:normal;font-size:12px;white-space:nowrap}
      .m th.prog{font-size:12px;background:#f4f4f6}
      .m td.s{text-align:left;white-space:nowrap;font-weight:600}
      .m td.c{cursor:pointer;min-width:18px}.m td.c:hover{outline:2px solid #333}
      .passed{background:#c9f0cf}.failed{background:#f7c6c4}.timed-out{background:#fde3a7}
      .crashed{background:#f2b8e6}.limit{background:#d7c8f5}.not-handed-in{background:#eee;color:#888}.not-earned{background:#f3f3f3;color:#666}
      .rejected{background:#555;color:#fff}
      .kit-error{background:#9ec5f8}
      .legend span{display:inline-block;padding:1px 6px;margin-right:6px;border:1px solid #ccc}
      #panel{position:fixed;right:0;top:0;bottom:0;width:46%;background:#fff;border-left:2px solid #888;
        padding:12px;overflow:auto;display:none;box-shadow:-4px 0 12px rgba(0,0,0,.15)}
      #panel pre{white-space:pre-wrap;word-break:break-word;font-size:12px;background:#f7f7f9;padding:8px}
      #close{float:right;cursor:pointer;border:1px solid #999;background:#eee;padding:2px 8px}
      .bar{height:14px;background:#3a9a4d;display:inline-block;vertical-align:middle}
      .rates td{padding:2px 8px}.rates td.n{text-align:right;font-variant-numeric:tabular-nums}
      """;

  private static final String SCRIPT = """
      const E=JSON.parse(document.getElementById('evidence').textContent);
      const P=document.getElementById('panel');
      function show(i){const e=E[i];if(!e)return;
        document.getElementById('ptitle').textContent=e.student+' \\u2014 '+e.name;
        document.getElementById('pverdict').textContent=e.verdict+', '+e.points;
        document.getElementById('pout').textContent=e.output;
        document.getElementById('pladder').textContent=e.ladder;
        document.getElementById('wire').style.display=e.ladder?'block':'none';
        P.style.display='block';history.replaceState(null,'','#cell='+i);}
      document.querySelectorAll('td.c').forEach(td=>td.addEventListener('click',()=>show(+td.dataset.i)));
      document.getElementById('close').addEventListener('click',()=>{P.style.display='none';});
      const m=location.hash.match(/^#cell=(\\d+)$/);if(m)show(+m[1]);
      """;

  private HtmlReport() {}

  /** Which engines of a pool graded the students shown, and where each one's evidence of limits comes from. */
  private static void engines(StringBuilder out, List<GradescopeResults.Row> rows) {
    Map<String, List<GradedOn>> byEngine = new java.util.TreeMap<>();
    rows.stream().map(GradescopeResults.Row::gradedOn).filter(java.util.Objects::nonNull)
        .forEach(on -> byEngine.computeIfAbsent(on.name(), name -> new ArrayList<>()).add(on));
    if (byEngine.isEmpty()) {
      return;
    }
    out.append("<div class=\"meta\">Graded over a pool of engines:<ul>");
    byEngine.forEach((name, graded) -> out.append("<li>").append(escape(name)).append(": ").append(graded.size())
        .append(graded.size() == 1 ? " student" : " students").append("; limits evidence: ")
        .append(escape(graded.get(graded.size() - 1).limitCounters().description())).append("</li>"));
    out.append("</ul></div>");
  }

  static String render(LabManifest manifest, String kit, List<LabManifest.Column> columns,
      List<GradescopeResults.Row> rows) {
    StringBuilder out = new StringBuilder(64 * 1024);
    out.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(manifest.title())).append(": class report</title><style>").append(STYLE)
        .append("</style></head><body>");
    out.append("<h1>").append(escape(manifest.title())).append(": class report</h1>");
    double mean = rows.stream().mapToDouble(GradescopeResults.Row::score).average().orElse(0);
    double max = rows.stream().mapToDouble(GradescopeResults.Row::maxScore).max().orElse(0);
    out.append("<div class=\"meta\">").append(rows.size()).append(rows.size() == 1 ? " student" : " students")
        .append(" graded by sockspec ").append(escape(kit)).append("; mean ")
        .append(String.format(Locale.ROOT, "%.1f", mean)).append(" of ").append(GradescopeResults.number(max))
        .append(" points. Click a cell for its evidence.</div>");
    engines(out, rows);
    out.append("<div class=\"legend\">");
    for (Verdict v : Verdict.values()) {
      out.append("<span class=\"").append(v.code()).append("\">").append(escape(v.symbol())).append(' ')
          .append(escape(v.label())).append("</span>");
    }
    out.append("</div>");
    matrix(out, columns, rows);
    rates(out, columns, rows);
    out.append("<div id=\"panel\"><button id=\"close\">close</button><h2 id=\"ptitle\"></h2>"
        + "<div id=\"pverdict\"></div><div id=\"wire\"><h3>What went over the wire</h3><pre id=\"pladder\"></pre>"
        + "</div><h3>The spec's report</h3><pre id=\"pout\"></pre></div>");
    out.append("<script type=\"application/json\" id=\"evidence\">").append(evidence(columns, rows))
        .append("</script><script>").append(SCRIPT).append("</script></body></html>\n");
    return out.toString();
  }

  private static void matrix(StringBuilder out, List<LabManifest.Column> columns, List<GradescopeResults.Row> rows) {
    out.append("<h2>Students x specs</h2><table class=\"m\"><thead><tr><th rowspan=\"2\">student</th>");
    Map<String, Integer> spans = new LinkedHashMap<>();
    columns.forEach(c -> spans.merge(c.file(), 1, Integer::sum));
    spans.forEach((file, span) -> out.append("<th class=\"prog\" colspan=\"").append(span).append("\">")
        .append(escape(file)).append("</th>"));
    out.append("<th rowspan=\"2\">points</th></tr><tr>");
    columns.forEach(c -> out.append("<th class=\"spec\" title=\"").append(escape(c.spec().summary())).append("\">")
        .append(escape(c.spec().id())).append("</th>"));
    out.append("</tr></thead><tbody>");
    int index = 0;
    for (GradescopeResults.Row row : rows) {
      out.append("<tr><td class=\"s\">").append(escape(row.student())).append("</td>");
      for (LabManifest.Column column : columns) {
        GradescopeResults.Cell cell = row.cells().get(column.name());
        if (cell == null) {
          out.append("<td></td>");
          continue;
        }
        out.append("<td class=\"c ").append(cell.verdict().code()).append("\" data-i=\"").append(index++)
            .append("\" title=\"").append(escape(cell.verdictText()
                + (cell.cause().isEmpty() ? "" : ", cause " + cell.cause()))).append("\">")
            .append(escape(cell.verdict().symbol())).append("</td>");
      }
      out.append("<td>").append(GradescopeResults.number(row.score())).append(" / ")
          .append(GradescopeResults.number(row.maxScore())).append("</td></tr>");
    }
    out.append("</tbody></table>");
  }

  /** Pass rate of each spec among the students who handed its program in (kit errors left out), worst first. */
  private static void rates(StringBuilder out, List<LabManifest.Column> columns, List<GradescopeResults.Row> rows) {
    record Rate(LabManifest.Column column, long passed, long judged, long missing) {
      double value() {
        return judged == 0 ? 1 : (double) passed / judged;
      }
    }
    List<Rate> rates = new ArrayList<>();
    for (LabManifest.Column column : columns) {
      long passed = 0;
      long judged = 0;
      long missing = 0;
      for (GradescopeResults.Row row : rows) {
        GradescopeResults.Cell cell = row.cells().get(column.name());
        if (cell == null || cell.verdict() == Verdict.KIT_ERROR) {
          continue;
        }
        if (cell.verdict() == Verdict.NOT_HANDED_IN) {
          missing++;
          continue;
        }
        judged++;
        passed += cell.verdict() == Verdict.PASSED ? 1 : 0;
      }
      rates.add(new Rate(column, passed, judged, missing));
    }
    rates.sort(java.util.Comparator.comparingDouble(Rate::value));
    out.append("<h2>Pass rate per spec (worst first)</h2><table class=\"rates\">");
    for (Rate rate : rates) {
      int percent = (int) Math.round(rate.value() * 100);
      out.append("<tr><td>").append(escape(rate.column().name())).append("</td><td class=\"n\">")
          .append(rate.passed()).append(" / ").append(rate.judged()).append("</td><td class=\"n\">")
          .append(percent).append("%</td><td><span class=\"bar\" style=\"width:").append(percent * 3)
          .append("px\"></span></td><td>").append(rate.missing() > 0 ? rate.missing() + " not handed in" : "")
          .append("</td></tr>");
    }
    out.append("</table>");
  }

  /** The cells' evidence, in matrix order, as JSON safe inside a script element. */
  private static String evidence(List<LabManifest.Column> columns, List<GradescopeResults.Row> rows) {
    List<Map<String, String>> all = new ArrayList<>();
    for (GradescopeResults.Row row : rows) {
      for (LabManifest.Column column : columns) {
        GradescopeResults.Cell cell = row.cells().get(column.name());
        if (cell != null) {
          all.add(Map.of("student", row.student(), "name", column.name(),
              "verdict", cell.verdictText() + (cell.cause().isEmpty() ? "" : ", cause " + cell.cause()),
              "points", GradescopeResults.number(cell.score()) + " / " + GradescopeResults.number(cell.maxScore())
                  + " points", "output", cell.output(), "ladder", cell.ladder()));
        }
      }
    }
    try {
      // '<' only occurs inside strings: escaped, no text can close the script element.
      return GradescopeResults.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(all).replace("<", "\\u003c");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
