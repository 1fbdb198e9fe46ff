package nl.dialoogtafel.archive.pages;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.dialoogtafel.archive.ArchiveAccess;
import nl.dialoogtafel.archive.ArchivedSession;
import nl.dialoogtafel.archive.Dates;
import nl.dialoogtafel.archive.FollowUp;
import nl.dialoogtafel.archive.NarrativeRecord;
import nl.dialoogtafel.archive.RecurringKnelpunten;
import nl.dialoogtafel.archive.WebDiagram;
import nl.dialoogtafel.http.Account;
import nl.dialoogtafel.http.PageRenderer;
import nl.dialoogtafel.i18n.Messages;
import nl.dialoogtafel.templates.TemplateCatalog;

/** Everything the record template needs, for the page (one reader) and the stored PDF (every reader) alike. */
final class RecordModel {

  private RecordModel() {}

  static Map<String, Object> of(Account account, String path, ArchivedSession session, NarrativeRecord record,
      Map<String, FollowUp> answers, Map<String, List<RecurringKnelpunten.Similar>> similar, String lang,
      TemplateCatalog templates) {
    Map<String, Object> model = PageRenderer.base(account, path);
    model.put("record", record);
    model.put("followups", answers);
    model.put("similar", similar);
    model.put("canAnswer", account != null && ArchiveAccess.mayAnswer(account, session));
    model.put("statuses", FollowUp.STATUSES);
    model.put("dates", Dates.of(lang));
    model.put("description", Messages.text(lang, "record.description", session.info().title(),
        session.info().municipality()));
    Optional.ofNullable(WebDiagram.of(record.web())).ifPresent(d -> model.put("diagram", d));
    RecordParts.Part whole = RecordParts.whole(record);
    parts(model, List.of(whole), whole);
    templateTitle(session, templates).ifPresent(t -> model.put("templateTitle", t));
    return model;
  }

  /** The parts of the page and the one shown; the whole record as its one part when not given (the PDF). */
  static void parts(Map<String, Object> model, List<RecordParts.Part> parts, RecordParts.Part shown) {
    model.put("parts", parts);
    model.put("part", shown);
    model.put("knelpuntenPart", RecordParts.knelpuntenPart(parts));
  }

  static Optional<String> templateTitle(ArchivedSession session, TemplateCatalog templates) {
    return templates.find(session.info().templateId()).map(t -> t.title());
  }

  /**
   * The stored PDF's model: the same record for every reader who may read it, so without what
   * depends on the reader (the similar knelpunten of other sessions are chosen within the reader's
   * access, and shown on the page only) and without forms.
   */
  static Map<String, Object> forPdf(ArchivedSession session, NarrativeRecord record, Map<String, FollowUp> answers,
      String lang, TemplateCatalog templates) {
    return of(null, "/archief/" + session.info().id() + ".pdf", session, record, answers, Map.of(), lang, templates);
  }
}
