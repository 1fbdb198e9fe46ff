package nl.dialoogtafel.loadtest;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import nl.dialoogtafel.app.Server;
import nl.dialoogtafel.dialogue.PostKind;
import nl.dialoogtafel.storage.EventStore;
import nl.dialoogtafel.record.HashChain;
import org.HdrHistogram.Histogram;

/** Ours only: sequential single-event appends through the real driver to the durable embedded store. */
final class AppendProbe {

  private AppendProbe() {}

  static Histogram run(Server server, int appends, int skip) throws Exception {
    EventStore store = new EventStore(server.database());
    Histogram histogram = new Histogram(3);
    String hash = HashChain.GENESIS;
    for (int seq = 1; seq <= appends; seq++) {
      var event = HashChain.seal("bench-store", seq, Instant.now().toString(), "post.added",
          new JsonObject().put("post", new JsonObject().put("id", "p" + seq).put("kind", PostKind.STORY.wire())
              .put("text", "Verhaal " + seq)), "bench/" + seq, hash);
      hash = event.hash();
      long start = System.nanoTime();
      store.append(List.of(event)).toCompletionStage().toCompletableFuture().get();
      if (seq > skip) {
        histogram.recordValue(System.nanoTime() - start);
      }
    }
    return histogram;
  }
}
