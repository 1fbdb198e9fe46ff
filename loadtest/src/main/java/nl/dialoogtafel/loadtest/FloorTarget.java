package nl.dialoogtafel.loadtest;

/** The floor: {@link FloorServer} in this JVM. */
final class FloorTarget implements Target {

  private final FloorServer.Running running;

  private FloorTarget(FloorServer.Running running) {
    this.running = running;
  }

  static FloorTarget start() throws Exception {
    return new FloorTarget(FloorServer.launch());
  }

  @Override
  public Kind kind() {
    return Kind.FLOOR;
  }

  @Override
  public int port() {
    return running.port();
  }

  @Override
  public Wire wire() {
    return Wire.PLAIN;
  }

  @Override
  public SessionRef session() {
    return new SessionRef(FloorServer.SESSION_ID, FloorServer.CODE, FloorServer.KIOSK_KEY);
  }

  @Override
  public void close() throws Exception {
    running.close();
  }
}
