package nl.dialoogtafel.loadtest;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.vertx.core.Future;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.internal.http.WebSocketInternal;
import io.vertx.core.json.JsonObject;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;

/**
 * One phone that keeps what a real one keeps: its token and epoch, and every public event
 * {@code seq} it received (from welcomes and live), so a run can check that it ended with each
 * seq exactly once. It can drop its line abruptly (a reset, no close frame, as when the Wi-Fi goes),
 * stop reading, and come back with {@code resume}. Only the few fields needed are read from the
 * text ({@link Frames}); a welcome's events are found by their {@code {"type":"event","seq":} start.
 */
final class Phone {

  private static final String EVENT = "{\"type\":\"event\",\"seq\":";

  private final int index;
  /** Asks for the snapshot on join and resume, as the phone page does (protocol extension). */
  private final boolean snapshot;
  private final BitSet seen = new BitSet();
  private int duplicates;
  /** What a real phone resumes from (web-assets' live.js): the highest of welcome {@code seq} and event seqs. */
  private long lastSeq;
  private long resumedAfter = -1;
  private long markedAt = -1;
  private volatile WebSocket socket;
  private volatile String token;
  private volatile String epoch;
  private volatile boolean reset;
  private volatile short closeCode;
  private volatile String firstError;
  private volatile CompletableFuture<Long> welcomed = new CompletableFuture<>();

  Phone(int index) {
    this(index, false);
  }

  Phone(int index, boolean snapshot) {
    this.index = index;
    this.snapshot = snapshot;
  }

  int index() {
    return index;
  }

  /** Connects and sends {@code join}; the future completes at the welcome, with its nano time. */
  CompletableFuture<Long> join(WebSocketClient client, int port, String code) {
    return open(client, port, new JsonObject().put("type", "join").put("code", code).put("name", "Telefoon " + index)
        .put("organisation", "Organisatie " + (index % 12)).put("role", "professional").put("snapshot", snapshot).encode());
  }

  /** Connects and sends {@code watch} as a kiosk would; the future completes at {@code watching}. */
  CompletableFuture<Long> watch(WebSocketClient client, int port, String session, String key) {
    return open(client, port, new JsonObject().put("type", "watch").put("session", session).put("key", key).encode());
  }

  /** Connects again and sends {@code resume} with the token, its last seq and the epoch, as the phone's page does. */
  CompletableFuture<Long> resume(WebSocketClient client, int port) {
    long after;
    synchronized (this) {
      after = lastSeq;
      resumedAfter = after;
    }
    return open(client, port, new JsonObject().put("type", "resume").put("token", token).put("after", after)
        .put("epoch", epoch).put("snapshot", snapshot).encode());
  }

  private CompletableFuture<Long> open(WebSocketClient client, int port, String hello) {
    CompletableFuture<Long> done = new CompletableFuture<>();
    welcomed = done;
    closeCode = 0;
    Future<WebSocket> connected = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/ws"));
    connected.onFailure(done::completeExceptionally).onSuccess(ws -> {
      socket = ws;
      ws.closeHandler(v -> {
        Short status = ws.closeStatusCode();
        closeCode = status == null ? -1 : status;
        done.completeExceptionally(new IllegalStateException("closed " + closeCode + " before welcome"));
      });
      ws.textMessageHandler(this::onText);
      ws.writeTextMessage(hello);
    });
    return done;
  }

  /** Sends a story; the reply is not waited for. */
  void post(String id, String title) {
    socket.writeTextMessage(new JsonObject().put("type", "post").put("id", id).put("kind", "story").put("title", title)
        .put("text", "Verhaal van telefoon " + index + " over de wijk.").encode());
  }

  private void onText(String frame) {
    switch (Frames.type(frame)) {
      case "welcome", "watching" -> {
        token = Frames.string(frame, "token");
        epoch = Frames.string(frame, "epoch");
        reset = frame.contains("\"reset\":true");
        int seqField = frame.indexOf("\"seq\":");
        long welcomeSeq = seqField < 0 ? 0 : seqAt(frame, seqField + 6);
        if (frame.contains("\"snapshot\":{")) {
          holdState(welcomeSeq);
        }
        recordAll(frame, welcomeSeq);
        welcomed.complete(System.nanoTime());
      }
      case "event" -> record(seqAt(frame, EVENT.length()));
      case "people" -> recordPeople(seqAt(frame, frame.indexOf("\"from\":") + 7),
          seqAt(frame, frame.indexOf("\"to\":") + 5));
      case "error" -> {
        if (firstError == null) {
          firstError = frame;
        }
        welcomed.completeExceptionally(new IllegalStateException(frame));
      }
      default -> { } // acks, presence, private messages: not checked here
    }
  }

  private synchronized void recordAll(String welcome, long welcomeSeq) {
    lastSeq = Math.max(lastSeq, welcomeSeq);
    for (int at = welcome.indexOf(EVENT); at >= 0; at = welcome.indexOf(EVENT, at + EVENT.length())) {
      record(seqAt(welcome, at + EVENT.length()));
    }
  }

  /** A snapshot holds the state at {@code seq}: every event up to it, in effect (not a duplicate). */
  private synchronized void holdState(long seq) {
    lastSeq = Math.max(lastSeq, seq);
    seen.set(1, (int) seq + 1);
  }

  /** A {@code people} frame covers the joins {@code from..to}; those at or below the last seq are skipped, as live.js does. */
  private synchronized void recordPeople(long from, long to) {
    for (long seq = Math.max(from, lastSeq + 1); seq <= to; seq++) {
      record(seq);
    }
  }

  private static long seqAt(String text, int from) {
    long seq = 0;
    for (int i = from; i < text.length() && Character.isDigit(text.charAt(i)); i++) {
      seq = seq * 10 + (text.charAt(i) - '0');
    }
    return seq;
  }

  private synchronized void record(long seq) {
    lastSeq = Math.max(lastSeq, seq);
    if (seen.get((int) seq)) {
      duplicates++;
    } else {
      seen.set((int) seq);
    }
  }

  /** The highest seq such that every seq from 1 up to it arrived. */
  synchronized long heldInARow() {
    return seen.nextClearBit(1) - 1;
  }

  /** Every seq after the one it resumed from up to {@code last}, none twice (over the whole run), nothing beyond. */
  synchronized boolean holdsSinceResume(long last) {
    return duplicates == 0 && resumedAfter >= 0 && missing(resumedAfter, last) == 0 && seen.length() == last + 1;
  }

  /** From now on {@link #holdsSinceMark} checks what arrives after the current last seq. */
  synchronized void mark() {
    markedAt = lastSeq;
  }

  /** Every seq after the mark up to {@code last} exactly once, nothing beyond. */
  synchronized boolean holdsSinceMark(long last) {
    return duplicates == 0 && markedAt >= 0 && missing(markedAt, last) == 0 && seen.length() == last + 1;
  }

  synchronized long markedAt() {
    return markedAt;
  }

  synchronized long lastSeq() {
    return lastSeq;
  }

  synchronized long resumedAfter() {
    return resumedAfter;
  }

  /** For a diagnosis: the first few seqs up to {@code last} that never arrived. */
  synchronized String gaps(long last) {
    StringBuilder out = new StringBuilder();
    int found = 0;
    for (int seq = seen.nextClearBit(1); seq <= last && found < 5; seq = seen.nextClearBit(seq + 1), found++) {
      out.append(found == 0 ? "" : ",").append(seq);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "phone " + index + " gaps " + gaps(Integer.MAX_VALUE - 1) + " of " + seen.length();
  }

  synchronized int duplicates() {
    return duplicates;
  }

  /** Seqs in {@code (after, last]} that never arrived. */
  synchronized int missing(long after, long last) {
    BitSet wanted = new BitSet();
    wanted.set((int) after + 1, (int) last + 1);
    wanted.andNot(seen);
    return wanted.cardinality();
  }

  /** Drops the line as a lost network does: a TCP reset, no WebSocket close frame. */
  void dropAbruptly() {
    Channel channel = channel();
    channel.config().setOption(ChannelOption.SO_LINGER, 0);
    channel.close();
  }

  /**
   * Stops reading from the TCP socket (not only from Vert.x's queue, which {@code pause()} alone
   * would fill in this JVM): the server's writes pile up in the TCP buffers, then in its own queue.
   */
  void stall() {
    socket.pause();
    channel().config().setAutoRead(false);
  }

  void unstall() {
    channel().config().setAutoRead(true);
    socket.resume();
  }

  private Channel channel() {
    return ((WebSocketInternal) socket).channelHandlerContext().channel();
  }

  /** Closes the line (after a refused resume, before trying again). */
  void hangUp() {
    WebSocket ws = socket;
    if (ws != null && !ws.isClosed()) {
      ws.close();
    }
  }

  boolean isClosed() {
    WebSocket ws = socket;
    return ws == null || ws.isClosed();
  }

  /** The close code of the last socket, 0 while it is open, -1 when it closed without one. */
  short closeCode() {
    return closeCode;
  }

  boolean wasReset() {
    return reset;
  }

  String epoch() {
    return epoch;
  }

  String firstError() {
    return firstError;
  }
}
