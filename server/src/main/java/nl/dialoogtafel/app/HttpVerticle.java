package nl.dialoogtafel.app;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import nl.dialoogtafel.accounts.AccountsApi;
import nl.dialoogtafel.accounts.Auth;
import nl.dialoogtafel.facilitator.ClockRoute;
import nl.dialoogtafel.facilitator.FacilitatorApi;
import nl.dialoogtafel.facilitator.KioskViewApi;
import nl.dialoogtafel.facilitator.ModerationApi;
import nl.dialoogtafel.facilitator.Screens;
import nl.dialoogtafel.http.ApiReplies;
import nl.dialoogtafel.http.ClientAddress;
import nl.dialoogtafel.http.FlushBatching;
import nl.dialoogtafel.http.HostPolicy;
import nl.dialoogtafel.http.SecurityHeaders;
import nl.dialoogtafel.live.hub.Hubs;
import nl.dialoogtafel.live.LiveGateway;
import nl.dialoogtafel.ops.MetricsRoute;

/**
 * The HTTP server of one event loop: every route declared in one block — the live WebSocket, the
 * screens, the facilitator API and the archive. A node deploys one instance per event loop on the
 * same port; connections are spread over them. Each instance's loop also holds a share of the live
 * sessions ({@link Hubs#serve}); a session's state is only ever touched on its own loop. Everything
 * shared comes wired from {@link Server}.
 */
public final class HttpVerticle extends VerticleBase {

  private static final int MAX_BODY_BYTES = 64 * 1024;

  private final Services services;
  private HttpServer server;
  private LiveGateway gateway;

  HttpVerticle(Services services) {
    this.services = services;
  }

  public int actualPort() {
    return server.actualPort();
  }

  /** What this instance's event loop carries now. */
  Server.LoopLoad load() {
    return new Server.LoopLoad(gateway.openConnections(), services.hubs().liveSessionsOn(context));
  }

  @Override
  public Future<?> start() {
    Settings settings = services.settings();
    Auth auth = services.auth();
    Hubs hubs = services.hubs();
    gateway = new LiveGateway(vertx, hubs, services.joinGuard(), services.origins());
    gateway.followUps(services.kioskFollowUps()::forSession);
    services.metrics().loop(context, gateway::census);
    FacilitatorApi api = new FacilitatorApi(hubs, services.templates(), settings.publicUrl(),
        settings.sessionsPerDay());
    AccountsApi accountsApi = new AccountsApi(services.accounts());
    Screens screens = new Screens(settings.publicUrl());

    Router router = Router.router(vertx);
    router.route().handler(SecurityHeaders::apply);
    router.route().handler(new ClientAddress(settings.trustedProxies()));
    // Open to any Host: load balancers probe by address or an inside name, and it tells nothing.
    router.get("/health").handler(this::health);
    // For the host's Prometheus, by bearer token only (no token set: no route), so by any Host too.
    settings.metricsToken().ifPresent(token ->
        router.get("/metrics").handler(new MetricsRoute(services.metrics(), token)::handle));
    // Every other route, the /ws upgrade included, only for our own host names (no DNS rebinding).
    router.route().handler(new HostPolicy(settings.publicUrl(), settings.extraOrigins())::check);
    router.get("/ws").handler(gateway::handle);

    router.get("/").handler(screens::phone);
    router.get("/j/:code").handler(screens::phone);
    router.get("/kiosk/:id").handler(screens::kiosk);
    router.get("/regie").handler(screens::console);
    router.get("/qr/:code.svg").handler(screens::joinQr);
    router.get("/assets/*").handler(StaticHandler.create("web-assets").setCachingEnabled(false));

    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    router.post("/api/login").handler(auth::ownSiteJson).handler(auth::login);
    router.post("/api/logout").handler(auth::ownSiteJson).handler(auth::logout);
    // Asked by `java -jar dialoogtafel.jar backup` with the key in the data folder, not by a login.
    router.post("/api/backup").handler(new BackupRoute(vertx, services.database(), settings.dataDir())::handle);
    router.route("/api/*").handler(auth::requireFacilitator);
    router.get("/api/me").handler(auth::me);
    router.post("/api/tokens").handler(auth::issueApiToken);
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
    router.post("/api/sessions/:id/posts/:postId/restore").handler(api::restorePost);
    ModerationApi moderation = new ModerationApi(hubs);
    router.get("/api/sessions/:id/queue").handler(moderation::queue);
    router.post("/api/sessions/:id/moderation").handler(moderation::setQueue);
    router.post("/api/sessions/:id/queue/:postId/approve").handler(moderation::approve);
    router.post("/api/sessions/:id/queue/:postId/decline").handler(moderation::decline);
    router.post("/api/sessions/:id/lock").handler(api::lock);
    router.post("/api/sessions/:id/reopen").handler(api::reopen);
    router.post("/api/sessions/:id/close").handler(api::close);
    router.post("/api/sessions/:id/harvest").handler(api::addHarvest);
    router.post("/api/sessions/:id/posts/:postId/telling").handler(api::markTelling);
    router.get("/api/sessions/:id/participants").handler(api::listParticipants);
    router.post("/api/sessions/:id/participants/:participantId/erase").handler(api::eraseParticipant);
    // The record so far and the posts, for the facilitator during the session (read as the archive reads).
    router.get("/api/sessions/:id/export.json").handler(services.archive().exports()::record);
    router.get("/api/sessions/:id/posts.csv").handler(services.archive().exports()::posts);
    router.put("/api/sessions/:id/kiosk").handler(new KioskViewApi(api)::put);
    router.post("/api/sessions/:id/clock").handler(new ClockRoute(api)::handle);
    router.route("/api/*").handler(ctx -> ApiReplies.error(ctx, 404, "not_found", "not_found_route", null));

    // The archive: server-rendered pages, apart from the live and API routes above.
    ArchiveHandlers archive = services.archive();
    router.route("/login").handler(BodyHandler.create(false).setBodyLimit(8 * 1024));
    router.get("/login").handler(archive.login()::show);
    router.post("/login").handler(archive.login()::submit);
    router.route("/logout").handler(BodyHandler.create(false).setBodyLimit(1024));
    router.post("/logout").handler(archive.login()::logout);
    router.route("/archief/*").handler(BodyHandler.create(false).setBodyLimit(32 * 1024));
    router.route("/archief*").handler(archive.records()::requireAccount);
    // A reader's page or search (not the PDF progress it polls): background PDFs wait for a quiet moment.
    router.getWithRegex("/archief(/[^/]+)?").handler(archive.pdfs()::readerCame);
    router.get("/archief").handler(archive.list()::show);
    router.get("/archief/knelpunten").handler(archive.knelpunten()::show);
    router.get("/archief/verantwoording").handler(archive.report()::page);
    router.get("/archief/verantwoording.pdf").handler(archive.report()::pdf);
    router.get("/archief/log").handler(archive.readLog()::show);
    router.post("/archief/:id/knelpunten/:postId").handler(archive.answer()::submit);
    router.get("/archief/:id/pdf-status").handler(archive.records()::pdfStatus);
    router.get("/archief/:file").handler(archive.records()::record);
    // The body limits differ per route (64, 32, 8 KiB); the live message's 16 KiB is not one of them.
    router.errorHandler(413, ctx -> ApiReplies.error(ctx, 413, "too_large", "too_large_request", null));

    HttpServerOptions options = new HttpServerOptions()
        .setHost(settings.host())
        // Port 0 asks for any free port; -1 asks Vert.x for one free port shared by all instances.
        .setPort(settings.port() == 0 ? -1 : settings.port())
        .setMaxWebSocketMessageSize(4 * LiveGateway.MAX_MESSAGE_BYTES)
        .setMaxWebSocketFrameSize(4 * LiveGateway.MAX_MESSAGE_BYTES)
        // Compression per socket would undo "encode once, write the same bytes to everyone".
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        // No HTTP/2 upgrade on plain HTTP: nothing here needs it, and WebSocket upgrades stay HTTP/1.1.
        .setHttp2ClearTextEnabled(false);
    // Listens once every loop holds its share of the sessions: a request may need any of them.
    return hubs.serve().compose(v -> vertx.createHttpServer(options).connectionHandler(FlushBatching::install)
        .requestHandler(router).listen()).onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    if (gateway != null) {
      gateway.close();
    }
    return Future.succeededFuture();
  }

  private void health(RoutingContext ctx) {
    services.database().ping()
        .onSuccess(v -> ApiReplies.json(ctx, 200, new JsonObject().put("status", "ok")))
        .onFailure(e -> ApiReplies.json(ctx, 503, new JsonObject().put("status", "unavailable")));
  }
}
