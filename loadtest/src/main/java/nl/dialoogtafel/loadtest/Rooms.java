package nl.dialoogtafel.loadtest;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/**
 * Several sessions of one target at once, each a {@link Room} of the same size: posts rotate over
 * the sessions (and over the phones within each), and each post must reach its own session's
 * phones and kiosk. P3's audience.
 */
final class Rooms implements Audience, AutoCloseable {

  private final List<Room> rooms;
  private final int perRoom;
  private int next;

  private Rooms(List<Room> rooms, int perRoom) {
    this.rooms = rooms;
    this.perRoom = perRoom;
  }

  /** Rooms already joined, of {@code perRoom} phones each. */
  static Rooms of(List<Room> rooms, int perRoom) {
    return new Rooms(List.copyOf(rooms), perRoom);
  }

  /** {@code sessions} sessions of {@code phones} phones each, joined one session after the other. */
  static Rooms join(Vertx vertx, OursTarget target, int sessions, int phones) throws Exception {
    List<Room> rooms = new ArrayList<>();
    try {
      for (int i = 0; i < sessions; i++) {
        rooms.add(Room.join(vertx, target.withSession(i == 0 ? target.session() : target.newSession()), phones));
      }
    } catch (Exception e) {
      rooms.forEach(Room::close);
      throw e;
    }
    return new Rooms(rooms, phones);
  }

  @Override
  public int receivers() {
    return perRoom + 1;
  }

  @Override
  public int phones() {
    return perRoom * rooms.size();
  }

  /** Phone {@code i} is phone {@code i / sessions} of session {@code i % sessions}. */
  @Override
  public synchronized int nextPhone() {
    int phone = next;
    next = (next + 1) % phones();
    return phone;
  }

  @Override
  public void post(int phone, String id, String title, String text) {
    rooms.get(phone % rooms.size()).post(phone / rooms.size(), id, title, text);
  }

  @Override
  public void track(Deliveries current) {
    rooms.forEach(room -> room.track(current));
  }

  @Override
  public long failures() {
    return rooms.stream().mapToLong(Room::failures).sum();
  }

  @Override
  public Cpu cpu() {
    return rooms.get(0).cpu();
  }

  long acks() {
    return rooms.stream().mapToLong(Room::acks).sum();
  }

  String firstError() {
    return rooms.stream().map(Room::firstError).filter(e -> e != null).findFirst().orElse(null);
  }

  @Override
  public void close() {
    rooms.forEach(Room::close);
  }
}
