package nl.dialoogtafel.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * One event reaches a whole room as one frame per socket, and a batch of events as several; each
 * frame written is flushed at once, one system call each. Gathering the flushes of one event-loop
 * turn into one per socket keeps a join storm (every join an event to everyone) from spending
 * its time in the kernel. Vert.x has no public hook for the pipeline, hence the cast — which a
 * Vert.x upgrade may break, so a connection it fails on is said out loud, and the open connections
 * that have the handler can be looked up by their peer (FlushBatchingTest does, on a real socket).
 */
public final class FlushBatching {

  /** The handler's name in a connection's Netty pipeline. */
  public static final String HANDLER = "dialoogtafel-flush-batching";

  private static final int FLUSH_AT_LEAST_EVERY = 64;
  private static final Logger LOG = Logger.getLogger(FlushBatching.class.getName());
  private static final AtomicBoolean WARNED = new AtomicBoolean();
  /** Open connections given the handler, by the peer's address; each leaves when its channel closes. */
  private static final Map<SocketAddress, Channel> BATCHING = new ConcurrentHashMap<>();

  private FlushBatching() {}

  public static void install(HttpConnection connection) {
    if (!(connection instanceof ConnectionBase base)) {
      if (WARNED.compareAndSet(false, true)) {
        LOG.warning("Flushes are not batched: an HTTP connection is no longer a "
            + ConnectionBase.class.getName() + " but a " + connection.getClass().getName());
      }
      return;
    }
    Channel channel = base.channel();
    channel.pipeline().addFirst(HANDLER, new FlushConsolidationHandler(FLUSH_AT_LEAST_EVERY, true));
    SocketAddress peer = channel.remoteAddress();
    if (peer != null) {
      BATCHING.put(peer, channel);
      channel.closeFuture().addListener(closed -> BATCHING.remove(peer, channel));
    }
  }

  /** The pipeline of the open connection from {@code peer}, if it was given flush batching. */
  public static Optional<ChannelPipeline> pipelineOf(SocketAddress peer) {
    Channel channel = BATCHING.get(peer);
    return channel == null || !channel.isOpen() ? Optional.empty() : Optional.of(channel.pipeline());
  }
}
