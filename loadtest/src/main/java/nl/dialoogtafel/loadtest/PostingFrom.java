package nl.dialoogtafel.loadtest;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A {@link Room} whose posts come only from some of its phones (P7: the phones on the node that
 * does not own the session), in rotation; everything else is the room's.
 */
final class PostingFrom implements Audience {

  private final Room room;
  private final int[] posters;
  private final AtomicInteger next = new AtomicInteger();

  PostingFrom(Room room, int[] posters) {
    this.room = room;
    this.posters = posters;
  }

  /** The odd-numbered phones of the room. */
  static PostingFrom oddPhones(Room room) {
    return new PostingFrom(room, IntStream.range(0, room.phones()).filter(i -> i % 2 == 1).toArray());
  }

  @Override
  public int receivers() {
    return room.receivers();
  }

  @Override
  public int phones() {
    return room.phones();
  }

  @Override
  public int nextPhone() {
    return posters[Math.floorMod(next.getAndIncrement(), posters.length)];
  }

  @Override
  public void post(int phone, String id, String title, String text) {
    room.post(phone, id, title, text);
  }

  @Override
  public void track(Deliveries current) {
    room.track(current);
  }

  @Override
  public long failures() {
    return room.failures();
  }

  @Override
  public Cpu cpu() {
    return room.cpu();
  }
}
