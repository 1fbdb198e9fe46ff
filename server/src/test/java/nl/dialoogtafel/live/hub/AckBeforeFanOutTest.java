package nl.dialoogtafel.live.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.dialoogtafel.dialogue.Command;
import nl.dialoogtafel.dialogue.Phase;
import nl.dialoogtafel.dialogue.PostKind;
import nl.dialoogtafel.dialogue.SessionStatus;
import nl.dialoogtafel.record.ParticipantRecord;
import nl.dialoogtafel.record.SessionInfo;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.Stores;
import nl.dialoogtafel.support.LiveClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A post is acknowledged as soon as it is durable and shown to the room a task later. A connection
 * that attaches in that gap is welcomed with what the room holds and gets the post by the fan-out:
 * nothing missed, nothing twice. A real hub on the embedded store, a real socket.
 */
@Timeout(60)
class AckBeforeFanOutTest {

  private static final Phase STORIES = new Phase("verhalen", "Verhalen", "Vertel.", List.of(PostKind.STORY), 30);

  private Vertx vertx;
  private Database db;
  private Stores stores;
  private Context loop;
  private HttpServer sockets;
  private final LinkedBlockingQueue<Connection> accepted = new LinkedBlockingQueue<>();

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    db = Database.open(vertx, Optional.empty(), Files.createTempDirectory("dialoogtafel-ack"));
    stores = Stores.on(db);
    loop = vertx.getOrCreateContext();
    // The sockets live on the hub's event loop, as in the server.
    sockets = on(() -> vertx.createHttpServer()
        .webSocketHandler(ws -> accepted.add(new Connection(ws, "127.0.0.1", "nl"))).listen(0, "127.0.0.1"));
  }

  @AfterEach
  void close() throws Exception {
    db.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("Acked before the room sees it; a connection attached in between gets the post once, by the fan-out")
  void attachBetweenAckAndFanOut() throws Exception {
    SessionInfo info = new SessionInfo("s-ack", "ACKACK", "kiosk-key", "Dialoog", "Utrecht", null, "test",
        List.of(STORIES), "beheer", Instant.now().toString(), SessionStatus.OPEN);
    SessionHub hub = on(() -> SessionHub.load(vertx, stores, info));
    on(() -> hub.submit(new Command.StartPhase("verhalen"), "facilitator/1"));
    on(() -> hub.join(new ParticipantRecord("u1", info.id(), "Fatima", "Jeugdteam", "coach", true, null, null,
        "hash-u1", Instant.now().toString()), "join/u1"));
    LiveClient late = LiveClient.connect(vertx, sockets.actualPort());
    Connection lateConnection = accepted.poll(10, TimeUnit.SECONDS);

    CompletableFuture<long[]> atAck = new CompletableFuture<>();
    loop.runOnContext(v -> hub.submit(new Command.AddPost("p1", "u1", PostKind.STORY, "", "Een verhaal"), "u1/1")
        .onSuccess(seq -> {
          long shown = hub.state().seq();
          hub.attach(lateConnection, null, 0, SessionHub.Reply.EVENTS).onSuccess(welcome -> {
            lateConnection.replayed(welcome.seq());
            atAck.complete(new long[] {seq, shown, welcome.events().size()});
          });
        }));
    long[] ack = atAck.get(20, TimeUnit.SECONDS);

    assertEquals(3, ack[0], "the post is event 3");
    assertEquals(2, ack[1], "at the ack the room has not been shown the post yet");
    assertEquals(2, ack[2], "the attach holds what it claims, no more");
    JsonObject event = late.nextOfType("event");
    assertEquals(3, event.getLong("seq"));
    assertEquals("post.added", event.getString("name"));
    assertFalse(late.receives(m -> "event".equals(m.getString("type")), 300), "nothing twice");
    assertEquals(3, hub.state().seq(), "and then the room has it");
    late.close();
  }

  /** Runs on the hub's event loop and waits for the outcome. */
  private <T> T on(Supplier<Future<T>> action) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    loop.runOnContext(v -> action.get().onComplete(done -> {
      if (done.succeeded()) {
        result.complete(done.result());
      } else {
        result.completeExceptionally(done.cause());
      }
    }));
    return result.get(20, TimeUnit.SECONDS);
  }
}
