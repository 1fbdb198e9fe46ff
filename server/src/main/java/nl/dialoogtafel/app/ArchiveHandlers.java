package nl.dialoogtafel.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import nl.dialoogtafel.accounts.Auth;
import nl.dialoogtafel.accounts.LoginPage;
import nl.dialoogtafel.archive.ArchiveIndex;
import nl.dialoogtafel.archive.ArchiveRecords;
import nl.dialoogtafel.archive.ArchiveSearch;
import nl.dialoogtafel.archive.FollowUpStore;
import nl.dialoogtafel.archive.ReadLog;
import nl.dialoogtafel.archive.RecordSource;
import nl.dialoogtafel.archive.RecurringKnelpunten;
import nl.dialoogtafel.archive.StoredPdfs;
import nl.dialoogtafel.archive.pages.ArchiveListPage;
import nl.dialoogtafel.archive.pages.ArchivePages;
import nl.dialoogtafel.archive.pages.FollowUpForm;
import nl.dialoogtafel.archive.pages.FollowUpsPage;
import nl.dialoogtafel.archive.pages.LiveExports;
import nl.dialoogtafel.archive.pages.ReadLogPage;
import nl.dialoogtafel.archive.pages.RecordPdfs;
import nl.dialoogtafel.archive.pages.ReportPage;
import nl.dialoogtafel.archive.pages.WarmUp;
import nl.dialoogtafel.http.PageRenderer;
import nl.dialoogtafel.http.PdfRenderer;
import nl.dialoogtafel.templates.TemplateCatalog;

/** The archive's page handlers (and the login page they send people to), wired once per node. */
record ArchiveHandlers(
    LoginPage login,
    ArchivePages records,
    ArchiveListPage list,
    FollowUpForm answer,
    FollowUpsPage knelpunten,
    ReportPage report,
    ReadLogPage readLog,
    LiveExports exports,
    RecordPdfs pdfs,
    Future<Integer> warmUp) {

  static ArchiveHandlers wire(Vertx vertx, Auth auth, TemplateCatalog templates, RecordSource source,
      ArchiveRecords records, ArchiveIndex index, FollowUpStore followups, ReadLog readLog, StoredPdfs storedPdfs) {
    PageRenderer pages = new PageRenderer(vertx);
    PdfRenderer pdf = new PdfRenderer(pages);
    RecurringKnelpunten recurring = new RecurringKnelpunten(index, followups);
    RecordPdfs pdfs = new RecordPdfs(vertx, pdf, source, records, followups, storedPdfs, templates);
    ArchivePages archive = new ArchivePages(auth, pages, pdfs, source, records, followups, readLog, templates,
        recurring);
    return new ArchiveHandlers(
        new LoginPage(auth, pages),
        archive,
        new ArchiveListPage(pages, new ArchiveSearch(index), templates),
        new FollowUpForm(auth, pages, archive, records, followups),
        new FollowUpsPage(pages, index, followups, recurring),
        new ReportPage(pages, pdf, index, source, records, followups, readLog, recurring),
        new ReadLogPage(pages, readLog),
        new LiveExports(source, pages, readLog),
        pdfs,
        // Off the event loop, once: the first reader after a start does not pay for a cold JIT.
        WarmUp.run(index, source, records, pages, templates));
  }
}
