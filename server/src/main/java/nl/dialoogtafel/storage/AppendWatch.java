package nl.dialoogtafel.storage;

import java.util.List;
import nl.dialoogtafel.record.StoredEvent;

/**
 * Told of every append to the record, as the live session's pipeline sees it: from handing the
 * batch to the database pool until it is durable (or failed). The operator's metrics time the
 * store write and count what was stored through it; nothing else hangs on it.
 */
public interface AppendWatch {

  AppendWatch NONE = new AppendWatch() {
    @Override
    public void appended(List<StoredEvent> events, long nanos) {}

    @Override
    public void failed(long nanos) {}
  };

  /** A batch is durable, {@code nanos} after it was handed to the database pool. Any thread. */
  void appended(List<StoredEvent> events, long nanos);

  /** A batch was not stored (nothing was acknowledged for it). Any thread. */
  void failed(long nanos);
}
