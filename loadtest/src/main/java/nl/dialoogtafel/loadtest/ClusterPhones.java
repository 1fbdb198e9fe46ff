package nl.dialoogtafel.loadtest;

import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * P9's generator: one JVM of phones (a JVM holds a descriptor per phone and the limit per process
 * here is 20,000, so 30,000 phones take several), driven by {@link NationalDay} over its input, one
 * command a line; answers are the output lines that start with {@code "@ "} (the rest is logging).
 * <ul>
 *   <li>{@code setup <proxy ports, comma-separated> <phones per session> <source addresses> [<sessions joined at once>]}
 *   <li>{@code session <n> <id> <code> <kiosk key>}: a session to join at the next {@code join};
 *       its phones and kiosk connect from 127.0.0.(1 + n mod addresses), over the proxies in turn
 *   <li>{@code join}: joins the waiting sessions, some at a time (4) → {@code @ joined <rooms> <ms> <worst join p99 ms>}
 *       or {@code @ failed <reason>}
 *   <li>{@code post <seconds> <prefix>}: open loop over all its sessions at 1 post/s each → {@code @ result
 *       <posts> <acks> <dropped> <generator cores> <histogram>} (HdrHistogram, compressed, base64)
 * </ul>
 * Its input closing (the coordinator gone) ends it.
 */
public final class ClusterPhones {

  private ClusterPhones() {}

  public static void main(String[] args) throws Exception {
    EndOnFailure.install();
    Vertx vertx = Vertx.vertx();
    List<Room> rooms = new ArrayList<>();
    List<String[]> waiting = new ArrayList<>();
    int[] proxies = {};
    int phones = 100;
    int addresses = 1;
    int parallel = 4;
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      String[] w = line.trim().split(" ");
      try {
        switch (w[0]) {
          case "setup" -> {
            proxies = Arrays.stream(w[1].split(",")).mapToInt(Integer::parseInt).toArray();
            phones = Integer.parseInt(w[2]);
            addresses = Integer.parseInt(w[3]);
            parallel = w.length > 4 ? Integer.parseInt(w[4]) : parallel;
          }
          case "session" -> waiting.add(w);
          case "join" -> {
            long begin = System.nanoTime();
            double worst = join(vertx, waiting, rooms, proxies, phones, addresses, parallel);
            waiting.clear();
            answer(String.format(Locale.ROOT, "joined %d %d %.1f", rooms.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin), worst));
          }
          case "post" -> answer(post(Rooms.of(rooms, phones), Integer.parseInt(w[1]), w[2]));
          default -> answer("failed unknown command " + w[0]);
        }
      } catch (Exception e) {
        answer("failed " + e.toString().replace('\n', ' '));
      }
    }
    System.exit(0);
  }

  private static void answer(String line) {
    System.out.println("@ " + line);
    System.out.flush();
  }

  /** Joins the waiting sessions {@code parallel} at a time; returns the worst per-session join p99 in ms. */
  private static double join(Vertx vertx, List<String[]> waiting, List<Room> rooms, int[] proxies, int phones,
      int addresses, int parallel) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      List<Future<Room>> joined = new ArrayList<>();
      for (String[] s : waiting) {
        int n = Integer.parseInt(s[1]);
        Target.SessionRef session = new Target.SessionRef(s[2], s[3], s[4]);
        ClusterTarget target = new ClusterTarget(proxies[0], session, List.of());
        String address = "127.0.0." + (1 + n % addresses);
        joined.add(pool.submit(() -> Room.join(vertx, target, phones, i -> proxies[Math.floorMod(n * 101 + i,
            proxies.length)], address)));
      }
      double worst = 0;
      for (Future<Room> room : joined) {
        Room r = room.get(10, TimeUnit.MINUTES);
        rooms.add(r);
        worst = Math.max(worst, r.joinStorm().p99Millis());
      }
      return worst;
    } finally {
      pool.shutdown();
    }
  }

  private static String post(Rooms all, int seconds, String prefix) throws Exception {
    int sessions = all.phones() / Math.max(1, all.receivers() - 1);
    if (sessions == 0) {
      return "result 0 0 0 0 -";
    }
    long acksBefore = all.acks();
    OpenLoop.Result r = OpenLoop.run(all, prefix, sessions, seconds, 3, 30_000);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (all.acks() - acksBefore < r.posts() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Histogram h = r.latency();
    ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
    int length = h.encodeIntoCompressedByteBuffer(buffer);
    String encoded = Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    String error = all.firstError();
    return String.format(Locale.ROOT, "result %d %d %d %.3f %s%s", r.posts(), all.acks() - acksBefore, r.dropped(),
        r.generatorCores(), encoded, error == null ? "" : " " + error.replace('\n', ' '));
  }
}
