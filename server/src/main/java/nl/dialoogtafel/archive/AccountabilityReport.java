package nl.dialoogtafel.archive;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The half-year account of a municipality, "in verhalen en feiten": the facts of its sessions in
 * a period and how they changed against the period before, each session with its harvest,
 * agreements and knelpunten (with the municipality's status and answer), the stories the
 * facilitators marked as telling, and — once they are wired in — the recurring themes.
 */
public record AccountabilityReport(
    String municipality, LocalDate from, LocalDate to,
    List<SessionLine> sessions, Totals totals, Map<String, Integer> followUps, List<Telling> telling,
    Chart storiesChart, Chart followUpChart, Change change, List<Theme> recurringThemes) {

  /**
   * One session: its numbers, its harvest and agreements (null when none were written) and its
   * knelpunten with the municipality's answer. {@code label} names its bar: title and day, so two
   * sessions with one title still get a bar each.
   */
  public record SessionLine(String id, String title, String community, String closedAt, String label,
      int participants, int organisations, int stories, int recognitions, int knelpunten, int crossConnections,
      String harvest, String agreements, List<Knelpunt> barriers) {}

  /** A knelpunt as the account tells it; status "geen" and no answer while the municipality has not answered. */
  public record Knelpunt(String id, String title, String text, String status, String answer, String signature,
      String answeredAt) {}

  public record Totals(int sessions, int participants, int organisations, int stories, int recognitions,
      int crossConnections, int knelpunten, int answered) {}

  /** The period before (as long as this one, ending the day before it) and one row per fact. */
  public record Change(LocalDate from, LocalDate to, List<ChangeRow> rows) {}

  /** {@code fact} is the message key of the fact's name; {@code difference} = now − before. */
  public record ChangeRow(String fact, int now, int before, int difference) {}

  /**
   * A recurring theme across the sessions (knelpunten that keep coming back), with how often it
   * came up. Left empty here: the themes are found by the archive's search and added by the page.
   */
  public record Theme(String name, int count, List<String> sharedWords) {}

  /** The same account with the recurring themes of its period (they come from the search index). */
  public AccountabilityReport withThemes(List<Theme> themes) {
    return new AccountabilityReport(municipality, from, to, sessions, totals, followUps, telling, storiesChart,
        followUpChart, change, List.copyOf(themes));
  }

  public record Telling(String session, String sessionTitle, String postId, String title, String text,
      NarrativeRecord.Person author) {}

  /** A horizontal bar chart: bars scaled to {@code width}; labels and values are text in the SVG. */
  public record Chart(int width, int height, List<Bar> bars) {}

  public record Bar(String label, int value, int y, int length) {}

  /** The sessions of a period and of the one before, with the follow-ups of both. */
  public static AccountabilityReport of(String municipality, LocalDate from, LocalDate to,
      List<NarrativeRecord> records, List<NarrativeRecord> before, Map<String, FollowUp> answers,
      Function<String, String> dayOf) {
    List<SessionLine> lines = new ArrayList<>();
    List<Telling> telling = new ArrayList<>();
    for (NarrativeRecord r : records) {
      var c = r.counts();
      var harvest = r.harvest();
      lines.add(new SessionLine(r.session().id(), r.session().title(), r.session().community(),
          r.session().closedAt(), r.session().title() + " (" + dayOf.apply(r.session().closedAt()) + ")",
          c.participants(), c.organisations(), c.stories(), c.recognitions(), c.knelpunten(), c.crossConnections(),
          harvest == null ? null : harvest.harvest(), harvest == null ? null : harvest.agreements(),
          barriers(r, answers)));
      for (NarrativeRecord.Chapter chapter : r.chapters()) {
        for (NarrativeRecord.Post p : chapter.stories()) {
          if (p.telling() && !p.removed()) {
            telling.add(new Telling(r.session().id(), r.session().title(), p.id(), p.title(), p.text(), p.author()));
          }
        }
      }
    }
    Map<String, Integer> followUps = byStatus(records, answers);
    Totals totals = totals(records, followUps);
    Totals previous = totals(before, byStatus(before, answers));
    Map<String, Integer> perSession = new LinkedHashMap<>();
    lines.forEach(l -> perSession.put(l.id(), l.stories()));
    Chart stories = chart(perSession);
    // Bars are keyed by session id (titles repeat); each is labelled with its session's title and day.
    List<Bar> labelled = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Bar b = stories.bars().get(i);
      labelled.add(new Bar(shorten(lines.get(i).label()), b.value(), b.y(), b.length()));
    }
    return new AccountabilityReport(municipality, from, to, lines, totals, followUps, telling,
        new Chart(stories.width(), stories.height(), labelled), chart(followUps),
        new Change(previousFrom(from, to), from.minusDays(1), change(totals, previous)), List.of());
  }

  /** The first day of the period before: as many days as this one, ending the day before it. */
  public static LocalDate previousFrom(LocalDate from, LocalDate to) {
    return from.minusDays(1).minusDays(ChronoUnit.DAYS.between(from, to));
  }

  private static List<Knelpunt> barriers(NarrativeRecord r, Map<String, FollowUp> answers) {
    List<Knelpunt> out = new ArrayList<>();
    for (NarrativeRecord.Post p : r.knelpunten()) {
      if (!p.removed()) {
        FollowUp f = answers.get(p.id());
        out.add(f == null ? new Knelpunt(p.id(), p.title(), p.text(), "geen", null, null, null)
            : new Knelpunt(p.id(), p.title(), p.text(), f.status(), f.answer(), f.signature(), f.at()));
      }
    }
    return out;
  }

  private static Map<String, Integer> byStatus(List<NarrativeRecord> records, Map<String, FollowUp> answers) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    FollowUp.STATUSES.forEach(s -> counts.put(s, 0));
    counts.put("geen", 0);
    for (NarrativeRecord r : records) {
      for (NarrativeRecord.Post p : r.knelpunten()) {
        if (!p.removed()) {
          FollowUp f = answers.get(p.id());
          counts.merge(f == null ? "geen" : f.status(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  private static Totals totals(List<NarrativeRecord> records, Map<String, Integer> followUps) {
    Set<String> organisations = new TreeSet<>();
    int participants = 0;
    int stories = 0;
    int recognitions = 0;
    int cross = 0;
    int knelpunten = 0;
    for (NarrativeRecord r : records) {
      var c = r.counts();
      participants += c.participants();
      stories += c.stories();
      recognitions += c.recognitions();
      cross += c.crossConnections();
      knelpunten += c.knelpunten();
      r.table().forEach(o -> organisations.add(o.name() == null ? "" : o.name().trim().toLowerCase(Locale.ROOT)));
    }
    return new Totals(records.size(), participants, organisations.size(), stories, recognitions, cross, knelpunten,
        knelpunten - followUps.get("geen"));
  }

  private static List<ChangeRow> change(Totals now, Totals before) {
    int[][] pairs = {
        {now.sessions(), before.sessions()}, {now.participants(), before.participants()},
        {now.organisations(), before.organisations()}, {now.stories(), before.stories()},
        {now.recognitions(), before.recognitions()}, {now.crossConnections(), before.crossConnections()},
        {now.knelpunten(), before.knelpunten()}, {now.answered(), before.answered()}};
    String[] facts = {"report.sessions", "report.participants", "report.organisations", "report.stories",
        "report.recognitions", "report.connections", "report.knelpunten", "report.answered"};
    List<ChangeRow> rows = new ArrayList<>();
    for (int i = 0; i < facts.length; i++) {
      rows.add(new ChangeRow(facts[i], pairs[i][0], pairs[i][1], pairs[i][0] - pairs[i][1]));
    }
    return rows;
  }

  /** A label fits one line of the chart (about 80 characters of 13 px text in 720 px). */
  private static String shorten(String label) {
    return label.length() > 80 ? label.substring(0, 79) + "…" : label;
  }

  /**
   * One row of 46 px per bar: its label on a line of its own above the bar (so a long session
   * title is never cut to nothing), the bar below, its value right of it; the longest bar 600 px.
   * {@code y} is the top of the row.
   */
  static Chart chart(Map<String, Integer> values) {
    int max = values.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    List<Bar> bars = new ArrayList<>();
    int y = 4;
    for (Map.Entry<String, Integer> e : values.entrySet()) {
      int length = max == 0 ? 0 : Math.max(e.getValue() > 0 ? 2 : 0, Math.round(600f * e.getValue() / max));
      bars.add(new Bar(shorten(e.getKey()), e.getValue(), y, length));
      y += 46;
    }
    return new Chart(720, y, bars);
  }
}
