package nl.dialoogtafel.live;

import nl.dialoogtafel.http.Fields;
import nl.dialoogtafel.http.Refusal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.dialoogtafel.storage.Ids;
import nl.dialoogtafel.i18n.Messages;
import nl.dialoogtafel.dialogue.Command;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.dialogue.PostKind;
import nl.dialoogtafel.privacy.PrivacyPrompt;
import nl.dialoogtafel.record.ParticipantRecord;
import nl.dialoogtafel.dialogue.SessionStatus;
import nl.dialoogtafel.live.hub.Connection;
import nl.dialoogtafel.live.hub.EventView;
import nl.dialoogtafel.live.hub.Hubs;
import nl.dialoogtafel.live.hub.SessionHub;

/** What a phone can say: join or resume, then post, withdraw, recognise, ask for contact, answer, leave. */
final class ParticipantProtocol {

  private static final Pattern CODE = Pattern.compile("[" + Ids.CODE_ALPHABET + "]{6}");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-.]{6,40}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]{22,100}");
  /** The policy close of a socket that guessed past its address's free misses. */
  static final short CLOSE_POLICY = 1008;

  private final Hubs hubs;
  private final JoinGuard joinGuard;

  ParticipantProtocol(Hubs hubs, JoinGuard joinGuard) {
    this.hubs = hubs;
    this.joinGuard = joinGuard;
  }

  Future<Void> join(Connection c, String ref, JsonObject m) {
    Fields f = new Fields(m);
    String code = f.text("code", 6, 6, false).toUpperCase(Locale.ROOT);
    if (!CODE.matcher(code).matches()) {
      throw Refusal.invalid("code", "code_format");
    }
    String name = f.name("name", 1, 80);
    String organisation = f.name("organisation", 1, 120);
    String role = f.name("role", 1, 80);
    String phone = contact(f.optionalName("phone", 40), PHONE, "phone");
    String email = contact(f.optionalName("email", 254), EMAIL, "email");
    boolean showName = f.bool("showName", false); // privacy by default: a name only when chosen
    String joinId = f.optionalText("id", 100, false);
    if (joinId != null && !unguessable(joinId)) {
      throw Refusal.invalid("id", "join_id_weak");
    }
    boolean snapshot = f.bool("snapshot", false);
    // Every code is looked up, whatever this address tried before: a right code always joins.
    return hubs.byCode(code)
        .transform(found -> found.succeeded() ? Future.succeededFuture(found.result()) : missed(c, ref, found.cause()))
        .compose(hub -> {
          if (hub == null) {
            return Future.succeededFuture();
          }
          Identity identity = identity(hub, joinId);
          if (hub.state().isErased(identity.participantId())) {
            return Future.failedFuture(new Refusal("forbidden", "participant_erased", null));
          }
          Participant known = hub.state().participants().get(identity.participantId());
          if (known != null) {
            // The same join again (its welcome was lost): the same person, nothing new stored.
            return welcome(c, ref, hub, known, identity.token(), snapshot, false);
          }
          if (hub.state().status() == SessionStatus.CLOSED) {
            return Future.failedFuture(Refusal.of("session_closed"));
          }
          ParticipantRecord record = new ParticipantRecord(identity.participantId(), hub.info().id(), name,
              organisation, role, showName, phone, email, Ids.sha256(identity.token()), Instant.now().toString());
          return hub.join(record, "join/" + identity.participantId())
              .compose(seq -> welcome(c, ref, hub, hub.state().participants().get(identity.participantId()),
                  identity.token(), snapshot, true));
        });
  }

  /**
   * An unknown code costs the address one of its misses. Beyond the free ones the answer is the
   * same, but this socket may guess no more: it is closed (a guesser needs a new socket, and the
   * address's places are what {@link JoinGuard} slows). {@code null}: answered here.
   */
  private Future<SessionHub> missed(Connection c, String ref, Throwable failure) {
    if (!(failure instanceof Refusal refusal) || !refusal.code().equals("unknown_session")
        || joinGuard.missed(c.address()) == JoinGuard.Miss.FREE) {
      return Future.failedFuture(failure);
    }
    c.error(ref, new Refusal("unknown_session", "unknown_session_slowed", "code"));
    c.close(CLOSE_POLICY, Messages.text(c.language(), "error.join_slowed_close"));
    return Future.succeededFuture(null);
  }

  /**
   * A join id is as good as the token it leads to (a join with it from any socket gets that
   * person back), so it must be as hard to guess: a UUID, or at least 22 characters of base64url
   * (128 bits when random), with at least 8 different characters (no "aaaa…", no nil UUID).
   */
  static boolean unguessable(String joinId) {
    boolean shaped = UUID.matcher(joinId).matches() || BASE64URL.matcher(joinId).matches();
    return shaped && joinId.chars().distinct().count() >= 8;
  }

  private record Identity(String participantId, String token) {}

  /**
   * Without an {@code id} a join makes a new participant with a random token. With one, the
   * participant id and token are derived from it with the installation's secret, so a join that
   * is sent again after a lost welcome finds the same person instead of making a second.
   */
  private Identity identity(SessionHub hub, String joinId) {
    if (joinId == null) {
      return new Identity(Ids.id("u"), Ids.secret());
    }
    String secret = hubs.stores().joinSecret();
    String seed = hub.info().id() + "/" + joinId;
    return new Identity("u" + Ids.sha256(Ids.hmac(secret, "participant:" + seed)).substring(0, 16),
        Ids.hmac(secret, "token:" + seed));
  }

  /** {@code newcomer}: joined just now, their private messages come from memory (see SessionHub#deliverToNewcomer). */
  private static Future<Void> welcome(Connection c, String ref, SessionHub hub, Participant participant,
      String token, boolean snapshot, boolean newcomer) {
    if (c.isClosed()) {
      return Future.succeededFuture();
    }
    c.becomeParticipant(hub, participant.id());
    SessionHub.Reply reply = snapshot ? SessionHub.Reply.SNAPSHOT : SessionHub.Reply.EVENTS;
    return hub.attach(c, participant.id(), 0, reply).map(attached -> {
      c.replayed(attached.seq());
      c.sendRaw(Welcome.of(welcomeHead(ref, hub, attached, participant, token, false), attached));
      hub.sendPresenceTo(c);
      if (newcomer) {
        hub.deliverToNewcomer(participant.id()); // a join storm costs no store reads here
      } else {
        hub.deliverUndelivered(participant.id());
      }
      return null;
    });
  }

  Future<Void> resume(Connection c, String ref, JsonObject m) {
    Fields f = new Fields(m);
    String token = f.text("token", 1, 200, false);
    long after = f.count("after");
    String epoch = f.optionalText("epoch", 100, false);
    boolean snapshot = f.bool("snapshot", false);
    return hubs.stores().participants().findByTokenHash(Ids.sha256(token))
        .compose(found -> {
          if (found.isEmpty()) {
            return Future.failedFuture(new Refusal("forbidden", "token_unknown", "token"));
          }
          ParticipantRecord record = found.get();
          // In a cluster this node may not yet have heard what the phone's old node showed it.
          // And it may not yet have heard of the phone at all: it joined a moment ago through another node.
          return hubs.byId(record.session()).compose(hub -> hub.reach(after).map(hub))
              .compose(hub -> hub.reachParticipant(record.id()).map(hub)).compose(hub -> {
            Participant participant = hub.state().participants().get(record.id());
            if (participant == null) {
              return Future.failedFuture(new Refusal("forbidden", "token_unknown", "token"));
            }
            // A record that is not the one this phone knew (other epoch, or shorter than its copy) starts over.
            boolean reset = (epoch != null && !epoch.equals(hub.epoch())) || after > hub.state().seq();
            if (c.isClosed()) {
              return Future.succeededFuture();
            }
            c.becomeParticipant(hub, record.id());
            // From memory: what it missed, or (when it asked and missed much) the state now.
            SessionHub.Reply reply = snapshot ? SessionHub.Reply.SNAPSHOT_UNLESS_FEW_MISSED : SessionHub.Reply.EVENTS;
            return hub.attach(c, record.id(), reset ? 0 : after, reply).map(replay -> {
              c.sendRaw(Welcome.of(welcomeHead(ref, hub, replay, participant, token, reset), replay));
              c.replayed(replay.seq());
              hub.sendPresenceTo(c);
              hub.deliverUndelivered(record.id());
              return null;
            });
          });
        });
  }

  Future<Long> post(Connection c, JsonObject m) {
    Fields f = new Fields(m);
    String id = f.id();
    String kindName = f.text("kind", 1, 20, false);
    PostKind kind = PostKind.fromWire(kindName)
        .orElseThrow(() -> Refusal.invalid("kind", "kind_unknown"));
    String title = f.optionalText("title", 120, false);
    String text = f.text("text", 1, 4000, true);
    boolean confirm = f.bool("confirm", false);
    PrivacyPrompt.check("title", title, confirm, c.language());
    PrivacyPrompt.check("text", text, confirm, c.language());
    return c.hub().submit(new Command.AddPost(Ids.id("p"), c.participantId(), kind, title, text), key(c, id));
  }

  Future<Long> withdraw(Connection c, JsonObject m) {
    Fields f = new Fields(m);
    String id = f.id();
    return c.hub().submit(new Command.Withdraw(c.participantId(), f.text("post", 1, 40, false)), key(c, id));
  }

  Future<Long> recognize(Connection c, JsonObject m) {
    Fields f = new Fields(m);
    String id = f.id();
    String post = f.text("post", 1, 40, false);
    String note = f.optionalText("note", 280, true);
    PrivacyPrompt.check("note", note, f.bool("confirm", false), c.language());
    return c.hub().submit(new Command.Recognize(c.participantId(), post, note), key(c, id));
  }

  Future<Long> requestContact(Connection c, JsonObject m) {
    Fields f = new Fields(m);
    String id = f.id();
    String to = f.text("to", 1, 40, false);
    String note = f.optionalText("note", 280, true);
    return c.hub().submit(new Command.RequestContact(requestIdFor(c, id), c.participantId(), to, note), key(c, id));
  }

  /**
   * A request's id follows from who sent it with which client id, so a re-sent request names
   * the same request (the ack carries it, and a later contact.declined can be matched to it).
   */
  String requestIdFor(Connection c, String clientId) {
    return "c" + Ids.sha256(c.hub().info().id() + "/" + key(c, clientId)).substring(0, 16);
  }

  Future<Long> acceptContact(Connection c, JsonObject m) {
    Fields f = new Fields(m);
    String id = f.id();
    return c.hub().submit(new Command.AcceptContact(c.participantId(), f.text("request", 1, 40, false)), key(c, id));
  }

  Future<Long> declineContact(Connection c, JsonObject m) {
    Fields f = new Fields(m);
    String id = f.id();
    return c.hub().submit(new Command.DeclineContact(c.participantId(), f.text("request", 1, 40, false)), key(c, id));
  }

  void leave(Connection c) {
    c.hub().detach(c);
    c.becomeNobody();
  }

  private static String key(Connection c, String clientId) {
    return c.participantId() + "/" + clientId;
  }

  private static JsonObject welcomeHead(String ref, SessionHub hub, SessionHub.Attached attached, Participant p,
      String token, boolean reset) {
    return new JsonObject().put("type", "welcome").put("ref", ref)
        .put("participant", new JsonObject().put("id", p.id()).put("name", p.name())
            .put("organisation", p.organisation()).put("role", p.role()))
        .put("token", token).put("epoch", attached.epoch()).put("seq", attached.seq()).put("reset", reset)
        .put("session", EventView.session(hub.info(), attached.state()));
  }

  private static String contact(String value, Pattern shape, String field) {
    if (value == null) {
      return null;
    }
    if (!shape.matcher(value).matches() || (field.equals("phone") && value.replaceAll("\\D", "").length() < 6)) {
      throw Refusal.invalid(field, "contact_invalid");
    }
    return value;
  }
}
