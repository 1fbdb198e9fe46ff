package nl.dialoogtafel.loadtest;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntUnaryOperator;
import org.HdrHistogram.Histogram;

/**
 * N phones and a kiosk in one session of a target, joined in a storm (all connect and join at
 * once). It routes what comes back: welcomes, acks, errors and {@code post.added} events (to the
 * current {@link Deliveries}); everything else is skipped unparsed.
 */
final class Room implements Audience, AutoCloseable {

  /**
   * Join storm: when the last socket was open and the last welcome in, join latency from each
   * connect, and the frames and characters all clients received until a second after the last
   * welcome (time enough for a coalesced last {@code people} frame): the N² a protocol sends.
   */
  record JoinStorm(long connectedMillis, long welcomedMillis, double p50Millis, double p99Millis, long frames,
      long chars) {}

  private final WebSocketClient client;
  private final Wire.Link[] links;
  private final int phones;
  private final Map<String, CompletableFuture<Long>> acks = new ConcurrentHashMap<>();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong closes = new AtomicLong();
  private final AtomicLong acksIn = new AtomicLong();
  private final AtomicLong framesIn = new AtomicLong();
  private final AtomicLong charsIn = new AtomicLong();
  private final AtomicInteger nextPhone = new AtomicInteger();
  private volatile Deliveries deliveries;
  private volatile boolean closing;
  private volatile String firstError;
  private JoinStorm storm;
  private final Cpu cpu;

  private Room(WebSocketClient client, int phones, Cpu cpu) {
    this.client = client;
    this.cpu = cpu;
    this.phones = phones;
    this.links = new Wire.Link[phones + 1];
  }

  static Room join(Vertx vertx, Target target, int phones) throws Exception {
    return join(vertx, target, phones, i -> target.port(), null);
  }

  /**
   * As above, phone {@code i} (the kiosk is {@code phones}) connecting to port {@code portOf(i)} —
   * a cluster's nodes or proxies — from {@code localAddress} (null: the system's choice).
   */
  static Room join(Vertx vertx, Target target, int phones, IntUnaryOperator portOf, String localAddress)
      throws Exception {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(1 << 24)
        .setMaxFrameSize(1 << 24).setMaxConnections(phones + 10).setLocalAddress(localAddress));
    Room room = new Room(client, phones, new Cpu(target));
    try {
      room.storm(target, portOf);
    } catch (Exception e) {
      room.close();
      throw e;
    }
    return room;
  }

  private void storm(Target target, IntUnaryOperator portOf) throws Exception {
    Target.SessionRef session = target.session();
    Wire wire = target.wire();
    Histogram joins = new Histogram(3);
    // Our server's extension: the state as a snapshot and joins coalesced, instead of N² join frames.
    boolean snapshot = target.kind() == Target.Kind.OURS;
    AtomicInteger welcomed = new AtomicInteger();
    AtomicLong lastConnected = new AtomicLong();
    CompletableFuture<Void> allIn = new CompletableFuture<>();
    long begin = System.nanoTime();
    for (int i = 0; i <= phones; i++) {
      final int index = i;
      final long started = System.nanoTime();
      final boolean[] in = new boolean[1];
      JsonObject helloMessage = index == phones
          ? new JsonObject().put("type", "watch").put("session", session.id()).put("key", session.kioskKey())
          : new JsonObject().put("type", "join").put("code", session.code()).put("name", "Deelnemer " + index)
              .put("organisation", "Organisatie " + (index % 12)).put("role", "professional");
      String hello = (snapshot ? helloMessage.put("snapshot", true) : helloMessage).encode();
      client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(portOf.applyAsInt(index))
          .setURI(wire.path()))
          .onFailure(allIn::completeExceptionally)
          .onSuccess(ws -> {
            cpu.enlist();
            lastConnected.accumulateAndGet(System.nanoTime(), Math::max);
            ws.closeHandler(v -> {
              if (!closing) {
                closes.incrementAndGet();
              }
            });
            Wire.Link link = wire.link(ws, ready -> ready.send(hello));
            links[index] = link;
            ws.textMessageHandler(frame -> {
              long now = System.nanoTime();
              framesIn.incrementAndGet();
              charsIn.addAndGet(frame.length());
              String message;
              try {
                message = link.unwrap(frame);
              } catch (RuntimeException e) {
                error(e.getMessage());
                return;
              }
              if (message == null) {
                return;
              }
              switch (Frames.type(message)) {
                case "event" -> onEvent(message, now);
                case "ack" -> {
                  acksIn.incrementAndGet();
                  CompletableFuture<Long> ack = acks.remove(Frames.string(message, "id"));
                  if (ack != null) {
                    ack.complete(now);
                  }
                }
                case "welcome", "watching" -> {
                  if (!in[0]) {
                    in[0] = true;
                    synchronized (joins) {
                      joins.recordValue(now - started);
                    }
                    if (welcomed.incrementAndGet() == phones + 1) {
                      allIn.complete(null);
                    }
                  }
                }
                case "error" -> error(message);
                default -> { } // presence, people (coalesced joins) and the like: not measured
              }
            });
          });
    }
    try {
      allIn.get(180, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(welcomed.get() + " of " + (phones + 1) + " welcomed after 180 s, " + errors.get()
          + " errors, " + closes.get() + " closed" + (firstError == null ? "" : ", first error: " + firstError), e);
    }
    long end = System.nanoTime();
    Thread.sleep(1000);
    storm = new JoinStorm(TimeUnit.NANOSECONDS.toMillis(lastConnected.get() - begin),
        TimeUnit.NANOSECONDS.toMillis(end - begin), joins.getValueAtPercentile(50) / 1e6,
        joins.getValueAtPercentile(99) / 1e6, framesIn.get(), charsIn.get());
  }

  private void onEvent(String message, long now) {
    Deliveries current = deliveries;
    if (current != null && message.contains("\"name\":\"post.added\"")) {
      String nonce = Frames.string(message, "title");
      if (nonce != null) {
        current.received(nonce, now);
      }
    }
  }

  private void error(String message) {
    if (errors.incrementAndGet() == 1) {
      firstError = message;
    }
  }

  @Override
  public Cpu cpu() {
    return cpu;
  }

  JoinStorm joinStorm() {
    return storm;
  }

  /** Receivers of every event: the phones and the kiosk. */
  @Override
  public int receivers() {
    return phones + 1;
  }

  @Override
  public int phones() {
    return phones;
  }

  /** Posts rotate over the phones: our server allows one connection 10 messages a second. */
  @Override
  public int nextPhone() {
    return Math.floorMod(nextPhone.getAndIncrement(), phones);
  }

  @Override
  public void track(Deliveries current) {
    this.deliveries = current;
  }

  CompletableFuture<Long> expectAck(String id) {
    CompletableFuture<Long> ack = new CompletableFuture<>();
    acks.put(id, ack);
    return ack;
  }

  /** A story whose title is the nonce the deliveries are matched by. */
  @Override
  public void post(int phone, String id, String title, String text) {
    links[phone].send(new JsonObject().put("type", "post").put("id", id).put("kind", "story").put("title", title)
        .put("text", text).encode());
  }

  /** Errors received plus sockets the server closed, since the room was opened. */
  @Override
  public long failures() {
    return errors.get() + closes.get();
  }

  String firstError() {
    return firstError;
  }

  /** Acks received since the room was opened (each post gets one). */
  long acks() {
    return acksIn.get();
  }

  @Override
  public void close() {
    closing = true;
    client.close();
  }
}
