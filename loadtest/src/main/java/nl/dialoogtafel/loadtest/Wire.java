package nl.dialoogtafel.loadtest;

import io.vertx.core.http.WebSocket;
import java.util.function.Consumer;

/**
 * How our protocol's JSON objects travel over one WebSocket. Floor and ours take them as they are;
 * the socket.io peer wraps them in its own framing. Every target is driven by the same Vert.x
 * client and the same generator code; only this thin layer differs.
 */
interface Wire {

  /** The WebSocket path (with query) to connect to. */
  String path();

  /** Takes over a fresh socket; {@code ready} gets the link once our protocol's messages may be sent. */
  Link link(WebSocket socket, Consumer<Link> ready);

  interface Link {
    /** Our protocol's message in, or {@code null} for a frame of the transport itself. */
    String unwrap(String frame);

    void send(String json);
  }

  /** One JSON object per text frame: floor and ours. */
  Wire PLAIN = new Wire() {
    @Override
    public String path() {
      return "/ws";
    }

    @Override
    public Link link(WebSocket socket, Consumer<Link> ready) {
      Link link = new Link() {
        @Override
        public String unwrap(String frame) {
          return frame;
        }

        @Override
        public void send(String json) {
          socket.writeTextMessage(json);
        }
      };
      ready.accept(link);
      return link;
    }
  };

  /**
   * Socket.IO 5 over Engine.IO 4, WebSocket transport only (what the Java and JS clients do after
   * their upgrade): {@code 0{..}} open → we send {@code 40}; {@code 40{..}} connected; {@code 2}
   * ping → {@code 3} pong; {@code 42["m",X]} is our message X. Written here rather than taken from
   * a socket.io client library so that the peer's load comes from the same client, threads and
   * parsing as the other two targets.
   */
  Wire SOCKET_IO = new Wire() {
    private static final String EVENT = "42[\"m\",";

    @Override
    public String path() {
      return "/socket.io/?EIO=4&transport=websocket";
    }

    @Override
    public Link link(WebSocket socket, Consumer<Link> ready) {
      return new Link() {
        @Override
        public String unwrap(String frame) {
          if (frame.startsWith(EVENT)) {
            return frame.substring(EVENT.length(), frame.length() - 1);
          }
          if (frame.equals("2")) {
            socket.writeTextMessage("3");
          } else if (frame.startsWith("40")) {
            ready.accept(this);
          } else if (frame.startsWith("0")) {
            socket.writeTextMessage("40");
          } else if (frame.startsWith("44") || frame.startsWith("41") || frame.startsWith("1")) {
            throw new IllegalStateException("socket.io refused or closed: " + frame);
          }
          return null;
        }

        @Override
        public void send(String json) {
          socket.writeTextMessage(EVENT + json + "]");
        }
      };
    }
  };
}
