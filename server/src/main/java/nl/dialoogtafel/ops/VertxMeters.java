package nl.dialoogtafel.ops;

import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;

/**
 * Which of Vert.x's meters a node keeps, and with which labels. The labels are chosen so no series
 * names a person or grows with use: never the remote address (a phone's IP is personal data), the
 * request path (it holds session ids and join codes) or the event-bus address (a cluster's
 * addresses may hold session ids); only method, status, route pattern and pool.
 */
final class VertxMeters {

  private VertxMeters() {}

  static MicrometerMetricsOptions options() {
    return new MicrometerMetricsOptions()
        .setEnabled(true)
        .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE, Label.POOL_TYPE,
            Label.POOL_NAME, Label.EB_SIDE, Label.EB_FAILURE));
  }
}
