package nl.dialoogtafel.app;

import nl.dialoogtafel.accounts.AccountStore;
import nl.dialoogtafel.accounts.AccountsApi;
import nl.dialoogtafel.accounts.Auth;
import nl.dialoogtafel.accounts.LoginPage;
import nl.dialoogtafel.archive.pages.ArchiveListPage;
import nl.dialoogtafel.archive.pages.ArchivePages;
import nl.dialoogtafel.archive.pages.FollowUpForm;
import nl.dialoogtafel.archive.pages.FollowUpsPage;
import nl.dialoogtafel.archive.pages.ReadLogPage;
import nl.dialoogtafel.archive.pages.ReportPage;
import nl.dialoogtafel.facilitator.FacilitatorApi;
import nl.dialoogtafel.facilitator.Screens;
import nl.dialoogtafel.http.ApiReplies;
import nl.dialoogtafel.http.FlushBatching;
import nl.dialoogtafel.http.OriginPolicy;
import nl.dialoogtafel.http.PageRenderer;
import nl.dialoogtafel.http.PdfRenderer;
import nl.dialoogtafel.http.SecurityHeaders;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import nl.dialoogtafel.archive.ArchiveCaches;
import nl.dialoogtafel.archive.ArchiveIndex;
import nl.dialoogtafel.archive.ArchiveRecords;
import nl.dialoogtafel.archive.ArchiveSearch;
import nl.dialoogtafel.archive.FollowUpStore;
import nl.dialoogtafel.archive.KioskFollowUps;
import nl.dialoogtafel.archive.ReadLog;
import nl.dialoogtafel.archive.RecordCache;
import nl.dialoogtafel.archive.RecordSource;
import nl.dialoogtafel.live.hub.Hubs;
import nl.dialoogtafel.live.LiveGateway;
import nl.dialoogtafel.storage.Stores;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.templates.TemplateCatalog;

/**
 * The one HTTP server: the live WebSocket, the facilitator API and health, all routes declared
 * here. Live sessions and the API share this verticle's event loop, so a session's state is only
 * ever touched from one thread.
 */
public final class HttpVerticle extends VerticleBase {

  private static final int MAX_BODY_BYTES = 64 * 1024;

  private final Settings settings;
  private final Database db;
  private final TemplateCatalog templates;
  private HttpServer server;
  private LiveGateway gateway;
  private ArchiveCaches archiveCaches;

  public HttpVerticle(Settings settings, Database db, TemplateCatalog templates) {
    this.settings = settings;
    this.db = db;
    this.templates = templates;
  }

  public int actualPort() {
    return server.actualPort();
  }

  /** Where to say that a session's stored events were rewritten in place (see {@link ArchiveCaches}). */
  public ArchiveCaches archiveCaches() {
    return archiveCaches;
  }

  @Override
  public Future<?> start() {
    OriginPolicy origins = new OriginPolicy(settings.publicUrl(), settings.extraOrigins());
    // The archive's memory is made first: the live sessions' event store tells it of erasures.
    RecordSource source = new RecordSource(db);
    RecordCache recordCache = new RecordCache();
    ArchiveIndex index = new ArchiveIndex(source);
    archiveCaches = new ArchiveCaches(recordCache, index);
    index.load(); // in the background: the first search waits for it only if it comes very early
    Hubs hubs = new Hubs(vertx, Stores.on(db, archiveCaches));
    gateway = new LiveGateway(vertx, hubs, origins);
    AccountStore accounts = new AccountStore(db);
    Auth auth = new Auth(accounts, origins,
        settings.publicUrl().map(u -> u.startsWith("https:")).orElse(false));
    FacilitatorApi api = new FacilitatorApi(hubs, templates, settings.publicUrl());
    Screens screens = new Screens(settings.publicUrl());

    Router router = Router.router(vertx);
    router.route().handler(SecurityHeaders::apply);
    router.get("/health").handler(this::health);
    router.get("/ws").handler(gateway::handle);

    router.get("/").handler(screens::phone);
    router.get("/j/:code").handler(screens::phone);
    router.get("/kiosk/:id").handler(screens::kiosk);
    router.get("/regie").handler(screens::console);
    router.get("/qr/:code.svg").handler(screens::joinQr);
    router.get("/assets/*").handler(StaticHandler.create("web-assets").setCachingEnabled(false));
    router.get("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));

    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    router.post("/api/login").handler(auth::login);
    router.post("/api/logout").handler(auth::logout);
    router.route("/api/*").handler(auth::requireFacilitator);
    router.get("/api/me").handler(auth::me);
    router.post("/api/tokens").handler(auth::issueApiToken);
    AccountsApi accountsApi = new AccountsApi(accounts);
    router.get("/api/accounts").handler(accountsApi::list);
    router.post("/api/accounts").handler(accountsApi::create);
    router.post("/api/accounts/:username/disable").handler(accountsApi::disable);
    router.post("/api/accounts/:username/enable").handler(accountsApi::enable);
    router.post("/api/accounts/:username/password").handler(accountsApi::resetPassword);
    router.get("/api/templates").handler(api::listTemplates);
    router.get("/api/sessions").handler(api::listSessions);
    router.post("/api/sessions").handler(api::createSession);
    router.get("/api/sessions/:id").handler(api::getSession);
    router.post("/api/sessions/:id/phase").handler(api::startPhase);
    router.post("/api/sessions/:id/posts/:postId/hide").handler(api::hidePost);
    router.post("/api/sessions/:id/posts/:postId/spotlight").handler(api::spotlightPost);
    router.post("/api/sessions/:id/lock").handler(api::lock);
    router.post("/api/sessions/:id/reopen").handler(api::reopen);
    router.post("/api/sessions/:id/close").handler(api::close);
    router.post("/api/sessions/:id/harvest").handler(api::addHarvest);
    router.post("/api/sessions/:id/posts/:postId/telling").handler(api::markTelling);
    router.get("/api/sessions/:id/participants").handler(api::listParticipants);
    router.post("/api/sessions/:id/participants/:participantId/erase").handler(api::eraseParticipant);
    router.route("/api/*").handler(ctx -> ApiReplies.error(ctx, 404, "not_found", "not_found_route", null));
    archiveRoutes(router, auth, source, new ArchiveRecords(source, recordCache), index);
    router.errorHandler(413, ctx -> ApiReplies.error(ctx, 413, "too_large", "too_large", null));

    HttpServerOptions options = new HttpServerOptions()
        .setHost(settings.host())
        .setPort(settings.port())
        .setMaxWebSocketMessageSize(4 * LiveGateway.MAX_MESSAGE_BYTES)
        .setMaxWebSocketFrameSize(4 * LiveGateway.MAX_MESSAGE_BYTES)
        // Compression per socket would undo "encode once, write the same bytes to everyone".
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        // No HTTP/2 upgrade on plain HTTP: nothing here needs it, and WebSocket upgrades stay HTTP/1.1.
        .setHttp2ClearTextEnabled(false);
    return vertx.createHttpServer(options).connectionHandler(FlushBatching::install).requestHandler(router)
        .listen().onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    if (gateway != null) {
      gateway.close();
    }
    return Future.succeededFuture();
  }

  /**
   * The archive (server-rendered pages) and the static assets. Kept together and apart from the
   * live and API routes above.
   */
  private void archiveRoutes(Router router, Auth auth, RecordSource source, ArchiveRecords records,
      ArchiveIndex index) {
    PageRenderer pages = new PageRenderer(vertx);
    FollowUpStore followups = new FollowUpStore(db);
    ReadLog readLog = new ReadLog(db);
    PdfRenderer pdf = new PdfRenderer(pages);
    ArchivePages archive = new ArchivePages(auth, pages, pdf, source, records, followups, readLog, templates);
    LoginPage login = new LoginPage(auth, pages);
    FollowUpForm answer = new FollowUpForm(auth, pages, archive, records, followups);
    ArchiveListPage list = new ArchiveListPage(pages, new ArchiveSearch(index), templates);
    FollowUpsPage knelpunten = new FollowUpsPage(pages, index, followups);
    ReportPage report = new ReportPage(pages, pdf, index, source, records, followups, readLog);
    gateway.followUps(new KioskFollowUps(followups, index)::forSession);

    router.route("/login").handler(BodyHandler.create(false).setBodyLimit(8 * 1024));
    router.get("/login").handler(login::show);
    router.post("/login").handler(login::submit);
    router.route("/logout").handler(BodyHandler.create(false).setBodyLimit(1024));
    router.post("/logout").handler(login::logout);
    router.route("/archief/*").handler(BodyHandler.create(false).setBodyLimit(32 * 1024));
    router.route("/archief*").handler(archive::requireAccount);
    router.get("/archief").handler(list::show);
    router.get("/archief/knelpunten").handler(knelpunten::show);
    router.get("/archief/verantwoording").handler(report::page);
    router.get("/archief/verantwoording.pdf").handler(report::pdf);
    router.get("/archief/log").handler(new ReadLogPage(pages, readLog)::show);
    router.post("/archief/:id/knelpunten/:postId").handler(answer::submit);
    router.get("/archief/:file").handler(archive::record);
  }

  private void health(RoutingContext ctx) {
    db.ping()
        .onSuccess(v -> ApiReplies.json(ctx, 200, new JsonObject().put("status", "ok")))
        .onFailure(e -> ApiReplies.json(ctx, 503, new JsonObject().put("status", "unavailable")));
  }
}
