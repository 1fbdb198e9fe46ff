package nl.dialoogtafel.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Starts a clustered Vert.x: Hazelcast as the cluster manager (Vert.x's own default maps), joined
 * over TCP/IP to the members named, its event bus on the same host. Hazelcast is told to give up
 * on a silent member after a few seconds (its default is a minute), so a dead node's addresses
 * leave the event bus quickly; it does not phone home.
 */
public final class ClusterStart {

  /** Seconds without a heartbeat before a member counts as gone. */
  static final int MEMBER_GONE_SECONDS = 5;

  private ClusterStart() {}

  /** Blocking: at start-up, on the main thread. */
  public static Vertx vertx(VertxOptions options, ClusterConfig cluster,
      Function<VertxOptions, VertxBuilder> builders) throws Exception {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName("dialoogtafel");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(MEMBER_GONE_SECONDS));
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.health.monitoring.level", "OFF");
    // The maps hold only the event bus's subscriptions: a few partitions start and rebalance quickly.
    config.setProperty("hazelcast.partition.count", "31");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface(cluster.host());
    network.setPublicAddress(cluster.host() + ":" + cluster.port());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
    options.getEventBusOptions().setHost(cluster.host()).setPort(cluster.busPort());
    return builders.apply(options).withClusterManager(new HazelcastClusterManager(config)).buildClustered()
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
