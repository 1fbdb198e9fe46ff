package nl.dialoogtafel.facilitator;

import nl.dialoogtafel.http.Account;
import nl.dialoogtafel.accounts.Auth;
import nl.dialoogtafel.http.ApiReplies;
import nl.dialoogtafel.http.Bodies;
import nl.dialoogtafel.http.Fields;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import nl.dialoogtafel.storage.Ids;
import nl.dialoogtafel.dialogue.Command;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.dialogue.PostKind;
import nl.dialoogtafel.dialogue.PostState;
import nl.dialoogtafel.dialogue.SessionState;
import nl.dialoogtafel.dialogue.SessionStatus;
import nl.dialoogtafel.live.hub.EventView;
import nl.dialoogtafel.live.hub.Hubs;
import nl.dialoogtafel.http.Refusal;
import nl.dialoogtafel.live.hub.SessionHub;
import nl.dialoogtafel.record.SessionInfo;
import nl.dialoogtafel.storage.Documents;
import nl.dialoogtafel.templates.SessionTemplate;
import nl.dialoogtafel.templates.TemplateCatalog;

/** The facilitator's HTTP API: templates, creating a session, and running it phase by phase. */
public final class FacilitatorApi {

  private static final int CODE_ATTEMPTS = 8;

  private final Hubs hubs;
  private final TemplateCatalog templates;
  private final Optional<String> publicUrl;
  private final int sessionsPerDay;

  /**
   * {@code sessionsPerDay}: how many sessions a facilitator account may create in 24 hours
   * ({@code DIALOOG_SESSIONS_PER_DAY}); it bounds what a stolen login can fill the server with.
   * An admin is not capped: an admin can make facilitator accounts at will anyway, and prepares
   * the many sessions of a dialogue day.
   */
  public FacilitatorApi(Hubs hubs, TemplateCatalog templates, Optional<String> publicUrl, int sessionsPerDay) {
    this.hubs = hubs;
    this.templates = templates;
    this.publicUrl = publicUrl;
    this.sessionsPerDay = sessionsPerDay;
  }

  public void listTemplates(RoutingContext ctx) {
    JsonArray list = new JsonArray();
    for (SessionTemplate t : templates.all()) {
      JsonArray phases = new JsonArray();
      t.phases().forEach(p -> phases.add(new JsonObject().put("id", p.id()).put("title", p.title())
          .put("minutes", p.minutes())));
      list.add(new JsonObject().put("id", t.id()).put("title", t.title()).put("description", t.description())
          .put("phases", phases));
    }
    ApiReplies.json(ctx, 200, list);
  }

  public void createSession(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    if (body == null) {
      return;
    }
    String templateId;
    String title;
    String municipality;
    String community;
    boolean premoderation;
    try {
      Fields fields = new Fields(body);
      templateId = fields.text("template", 1, 64, false);
      title = fields.name("title", 1, 120);
      municipality = fields.name("municipality", 1, 80);
      community = fields.optionalName("community", 120);
      premoderation = ModerationApi.premoderation(body);
    } catch (Refusal invalid) {
      ApiReplies.failure(ctx, invalid);
      return;
    }
    Optional<SessionTemplate> template = templates.find(templateId);
    if (template.isEmpty()) {
      ApiReplies.error(ctx, 400, "invalid", "template_unknown", "template");
      return;
    }
    Account account = Auth.account(ctx);
    int cap = account.isAdmin() ? Integer.MAX_VALUE : sessionsPerDay;
    insertWithFreshCode(template.get(), title, municipality, community, account.username(), cap, CODE_ATTEMPTS)
        .compose(info -> hubs.byId(info.id())
            // Answered once the first phase is shown too: a GET right after the 201 finds it.
            .compose(hub -> hub.submit(new Command.StartPhase(template.get().first().id()), systemKey())
                // Extension: pre-moderation chosen at creation is event 2.
                .compose(seq -> premoderation ? hub.submit(new Command.SetModeration(true), systemKey())
                    : Future.succeededFuture(seq))
                .compose(seq -> hub.headWritten()))
            .map(v -> info))
        .onSuccess(info -> ApiReplies.json(ctx, 201, new JsonObject().put("id", info.id()).put("code", info.code())
            .put("joinUrl", joinUrl(ctx, info)).put("kioskUrl", kioskUrl(ctx, info))))
        .onFailure(e -> ApiReplies.failure(ctx, e));
  }

  /**
   * Join codes are random; on the rare clash with an existing code a new one is drawn. Refused
   * ({@code rate_limited}) when the owner has made {@code cap} sessions in the last 24 hours.
   */
  private Future<SessionInfo> insertWithFreshCode(SessionTemplate template, String title, String municipality,
      String community, String owner, int cap, int attempts) {
    SessionInfo info = new SessionInfo(Ids.id("s"), Ids.joinCode(), Ids.secret(), title, municipality, community,
        template.id(), template.phases(), owner, Instant.now().toString(), SessionStatus.OPEN);
    return hubs.stores().sessions().insertWithinDailyCap(info, cap)
        .compose(stored -> stored ? Future.succeededFuture(info)
            : Future.<SessionInfo>failedFuture(new Refusal("rate_limited", "sessions_per_day", null, cap)))
        .recover(e -> attempts > 1 && Documents.isDuplicateKey(e)
            ? insertWithFreshCode(template, title, municipality, community, owner, cap, attempts - 1)
            : Future.failedFuture(e));
  }

  public void listSessions(RoutingContext ctx) {
    hubs.stores().sessions().listByOwner(Auth.account(ctx).username()).onSuccess(sessions -> {
      JsonArray list = new JsonArray();
      sessions.forEach(s -> list.add(new JsonObject().put("id", s.id()).put("title", s.title())
          .put("municipality", s.municipality()).put("community", s.community()).put("code", s.code())
          .put("state", s.status().wire()).put("createdAt", s.createdAt())));
      ApiReplies.json(ctx, 200, list);
    }).onFailure(e -> ApiReplies.failure(ctx, e));
  }

  public void getSession(RoutingContext ctx) {
    ownHub(ctx).onSuccess(hub -> ApiReplies.json(ctx, 200, describe(ctx, hub)))
        .onFailure(e -> ApiReplies.failure(ctx, e));
  }

  public void startPhase(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    if (body != null) {
      act(ctx, () -> new Command.StartPhase(new Fields(body).text("phase", 1, 64, false)));
    }
  }

  public void hidePost(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    if (body != null) {
      act(ctx, () -> new Command.Hide(ctx.pathParam("postId"), new Fields(body).text("reason", 1, 280, false)));
    }
  }

  /** Extension: undoes a hide ("terugzetten"); 409 {@code conflict} for a post that is not hidden. */
  public void restorePost(RoutingContext ctx) {
    act(ctx, () -> new Command.Restore(ctx.pathParam("postId")));
  }

  public void spotlightPost(RoutingContext ctx) {
    act(ctx, () -> new Command.Spotlight(ctx.pathParam("postId")));
  }

  public void lock(RoutingContext ctx) {
    act(ctx, Command.Lock::new);
  }

  public void reopen(RoutingContext ctx) {
    act(ctx, Command.Reopen::new);
  }

  public void close(RoutingContext ctx) {
    act(ctx, Command.Close::new);
  }

  /** Extension: the harvest and agreements, in any state (usually written after the room empties). */
  public void addHarvest(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    if (body != null) {
      act(ctx, () -> {
        boolean confirm = Boolean.TRUE.equals(body.getValue("confirm"));
        String harvest = ClosingText.read(body, "harvest", confirm, ApiReplies.language(ctx));
        String agreements = ClosingText.read(body, "agreements", confirm, ApiReplies.language(ctx));
        if (harvest == null && agreements == null) {
          throw Refusal.invalid("harvest", "field_required", "harvest");
        }
        return new Command.AddHarvest(harvest, agreements);
      });
    }
  }

  /** Extension: marks a story as telling ({@code {telling:false}} takes the mark away). */
  public void markTelling(RoutingContext ctx) {
    JsonObject body = ctx.body() == null || ctx.body().isEmpty() ? new JsonObject() : Bodies.object(ctx);
    if (body != null) {
      act(ctx, () -> {
        Object telling = body.getValue("telling", Boolean.TRUE);
        if (!(telling instanceof Boolean marked)) {
          throw Refusal.invalid("telling", "field_type", "telling");
        }
        return new Command.MarkTelling(ctx.pathParam("postId"), marked);
      });
    }
  }

  /** Extension: who is at the table, as the room sees them, so the facilitator can act on a request. */
  public void listParticipants(RoutingContext ctx) {
    ownHub(ctx).onSuccess(hub -> {
      JsonArray people = new JsonArray();
      hub.state().participants().values().stream().sorted(Comparator.comparing(Participant::id))
          .forEach(p -> people.add(EventView.person(p.id(), hub.state()).put("erased", hub.state().isErased(p.id()))));
      ApiReplies.json(ctx, 200, new JsonObject().put("participants", people));
    }).onFailure(e -> ApiReplies.failure(ctx, e));
  }

  /**
   * Extension (AVG): erases a person on their request, in any state: their name, contact details,
   * token and words leave the record and the store; the record keeps that it happened.
   */
  public void eraseParticipant(RoutingContext ctx) {
    act(ctx, () -> {
      String id = ctx.pathParam("participantId");
      if (id == null || !id.matches("[A-Za-z0-9_-]{1,40}")) {
        throw new Refusal("not_found", "participant_not_found", null);
      }
      return new Command.EraseParticipant(id);
    });
  }

  interface CommandReader {
    Command read();
  }

  /** Runs one facilitator command on the session and answers 200 with the resulting event. */
  void act(RoutingContext ctx, CommandReader reader) {
    Command command;
    try {
      command = reader.read();
    } catch (Refusal invalid) {
      ApiReplies.failure(ctx, invalid);
      return;
    }
    // Answered once the record's head is stored too, so the archive never sees a record ahead of it.
    ownHub(ctx).compose(hub -> hub.submit(command, systemKey())
            .compose(seq -> hub.headWritten().compose(v -> hub.renderedEvent(seq))))
        .onSuccess(event -> ApiReplies.json(ctx, 200, event))
        .onFailure(e -> ApiReplies.failure(ctx, e));
  }

  /** The session's hub, if the caller runs it (an admin may look at every session). */
  Future<SessionHub> ownHub(RoutingContext ctx) {
    Account account = Auth.account(ctx);
    return hubs.byId(ctx.pathParam("id"))
        .recover(e -> Future.failedFuture(e instanceof Refusal
            ? new Refusal("not_found", "session_not_found", null) : e))
        .compose(hub -> hub.info().owner().equals(account.username()) || account.isAdmin()
            ? Future.succeededFuture(hub)
            : Future.failedFuture(new Refusal("not_found", "session_not_found", null)));
  }

  private JsonObject describe(RoutingContext ctx, SessionHub hub) {
    SessionInfo info = hub.info();
    SessionState state = hub.state();
    long stories = state.posts().values().stream().filter(p -> p.visible() && p.kind() == PostKind.STORY).count();
    long barriers = state.posts().values().stream().filter(p -> p.visible() && p.kind() == PostKind.BARRIER).count();
    long recognitions = state.posts().values().stream().filter(PostState::visible)
        .mapToLong(p -> p.recognizedBy().size()).sum();
    JsonArray phases = new JsonArray();
    info.phases().forEach(p -> phases.add(nl.dialoogtafel.record.EventCodec.phase(p)));
    return new JsonObject().put("id", info.id()).put("code", info.code()).put("title", info.title())
        .put("municipality", info.municipality()).put("community", info.community()).put("template", info.templateId())
        .put("state", state.status().wire()).put("phase", state.phaseId()).put("phases", phases)
        .put("seq", state.seq()).put("joinUrl", joinUrl(ctx, info)).put("kioskUrl", kioskUrl(ctx, info))
        .put("counts", new JsonObject().put("participants", state.participants().size())
            .put("online", hub.onlineCount()).put("stories", stories).put("barriers", barriers)
            .put("recognitions", recognitions).put("connections", state.connections().size()));
  }

  private String base(RoutingContext ctx) {
    return publicUrl.orElseGet(() -> ctx.request().scheme() + "://" + ctx.request().authority());
  }

  private String joinUrl(RoutingContext ctx, SessionInfo info) {
    return base(ctx) + "/j/" + info.code();
  }

  /** The key travels in the fragment: browsers never send it in a request line or a Referer. */
  private String kioskUrl(RoutingContext ctx, SessionInfo info) {
    return base(ctx) + "/kiosk/" + info.id() + "#key=" + info.kioskKey();
  }

  static String systemKey() {
    return "facilitator/" + Ids.id("f");
  }
}
