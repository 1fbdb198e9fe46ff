package nl.dialoogtafel.storage;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The H2 backend of mongo-java-server acknowledges writes before they reach the file; a crash
 * then loses them. This backend commits the store and forces it to disk before a write command
 * is answered. Writers
 * that arrive while a commit runs are covered by the next one (group commit), so concurrent
 * sessions share the cost of a commit instead of queueing one each.
 */
final class DurableH2Backend extends H2Backend {

  private static final Set<String> WRITES = Set.of(
      "insert", "update", "delete", "findandmodify", "createindexes", "drop", "dropindexes",
      "dropdatabase", "create", "renamecollection");

  private final AtomicLong writesDone = new AtomicLong();
  private final Object commitLock = new Object();
  private long writesCommitted;

  DurableH2Backend(String file) {
    super(file);
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    if (!WRITES.contains(command.toLowerCase())) {
      return super.handleCommand(channel, database, command, query);
    }
    try {
      return super.handleCommand(channel, database, command, query);
    } finally {
      // Also after a failed command: an ordered insert may have stored documents before failing.
      commitThrough(writesDone.incrementAndGet());
    }
  }

  private void commitThrough(long write) {
    synchronized (commitLock) {
      if (writesCommitted >= write) {
        return;
      }
      long covered = writesDone.get();
      commit();
      // commit() hands the chunk to the operating system; sync() makes it survive a power cut too.
      getMvStore().sync();
      writesCommitted = covered;
    }
  }
}
