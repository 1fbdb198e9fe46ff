package nl.dialoogtafel.archive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The half-year account of a municipality: the facts of its sessions in a period (who took part,
 * what was told, which connections and knelpunten came of it, what the municipality did with
 * them) and the stories the facilitators marked as telling — "verhalen en feiten".
 */
public record AccountabilityReport(
    String municipality, LocalDate from, LocalDate to,
    List<SessionLine> sessions, Totals totals, Map<String, Integer> followUps, List<Telling> telling,
    Chart storiesChart, Chart followUpChart) {

  public record SessionLine(String id, String title, String community, String closedAt, int participants,
      int organisations, int stories, int recognitions, int knelpunten, int crossConnections) {}

  public record Totals(int sessions, int participants, int organisations, int stories, int recognitions,
      int crossConnections, int knelpunten, int answered) {}

  public record Telling(String session, String sessionTitle, String postId, String title, String text,
      NarrativeRecord.Person author) {}

  /** A horizontal bar chart: bars scaled to {@code width}; labels and values are text in the SVG. */
  public record Chart(int width, int height, List<Bar> bars) {}

  public record Bar(String label, int value, int y, int length) {}

  public static AccountabilityReport of(String municipality, LocalDate from, LocalDate to,
      List<NarrativeRecord> records, Map<String, FollowUp> answers) {
    List<SessionLine> lines = new ArrayList<>();
    List<Telling> telling = new ArrayList<>();
    Set<String> organisations = new TreeSet<>();
    Map<String, Integer> followUps = new LinkedHashMap<>();
    FollowUp.STATUSES.forEach(s -> followUps.put(s, 0));
    followUps.put("geen", 0);
    int participants = 0;
    int stories = 0;
    int recognitions = 0;
    int cross = 0;
    int knelpunten = 0;
    for (NarrativeRecord r : records) {
      var c = r.counts();
      lines.add(new SessionLine(r.session().id(), r.session().title(), r.session().community(),
          r.session().closedAt(), c.participants(), c.organisations(), c.stories(), c.recognitions(), c.knelpunten(),
          c.crossConnections()));
      participants += c.participants();
      stories += c.stories();
      recognitions += c.recognitions();
      cross += c.crossConnections();
      knelpunten += c.knelpunten();
      r.table().forEach(o -> organisations.add(o.name() == null ? "" : o.name().trim().toLowerCase(Locale.ROOT)));
      for (NarrativeRecord.Chapter chapter : r.chapters()) {
        for (NarrativeRecord.Post p : chapter.stories()) {
          if (p.telling()) {
            telling.add(new Telling(r.session().id(), r.session().title(), p.id(), p.title(), p.text(), p.author()));
          }
        }
      }
      for (NarrativeRecord.Post p : r.knelpunten()) {
        if (!p.removed()) {
          FollowUp f = answers.get(p.id());
          followUps.merge(f == null ? "geen" : f.status(), 1, Integer::sum);
        }
      }
    }
    int answered = knelpunten - followUps.get("geen");
    Totals totals = new Totals(records.size(), participants, organisations.size(), stories, recognitions, cross,
        knelpunten, answered);
    Map<String, Integer> perSession = new LinkedHashMap<>();
    lines.forEach(l -> perSession.put(l.title(), l.stories()));
    return new AccountabilityReport(municipality, from, to, lines, totals, followUps, telling,
        chart(perSession), chart(followUps));
  }

  /** Bars 28 px apart, the longest 360 px; the labels sit left of the bars in the SVG. */
  static Chart chart(Map<String, Integer> values) {
    int max = values.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    List<Bar> bars = new ArrayList<>();
    int y = 8;
    for (Map.Entry<String, Integer> e : values.entrySet()) {
      int length = max == 0 ? 0 : Math.max(e.getValue() > 0 ? 2 : 0, Math.round(360f * e.getValue() / max));
      String label = e.getKey().length() > 34 ? e.getKey().substring(0, 33) + "…" : e.getKey();
      bars.add(new Bar(label, e.getValue(), y, length));
      y += 28;
    }
    return new Chart(720, y + 4, bars);
  }
}
