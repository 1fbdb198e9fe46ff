package nl.dialoogtafel.http;

import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * One event reaches a whole room as one frame per socket, and a batch of events as several; each
 * frame written is flushed at once, one system call each. Gathering the flushes of one event-loop
 * turn into one per socket keeps a join storm (every join an event to everyone) from spending
 * its time in the kernel. Vert.x has no public hook for the pipeline, hence the cast.
 */
public final class FlushBatching {

  private static final int FLUSH_AT_LEAST_EVERY = 64;

  private FlushBatching() {}

  public static void install(HttpConnection connection) {
    if (connection instanceof ConnectionBase base) {
      base.channel().pipeline().addFirst("flush-batching", new FlushConsolidationHandler(FLUSH_AT_LEAST_EVERY, true));
    }
  }
}
