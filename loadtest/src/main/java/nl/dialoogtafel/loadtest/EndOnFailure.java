package nl.dialoogtafel.loadtest;

/**
 * A benchmark whose {@code main} throws must end: the Vert.x, HTTP-client and process-watching
 * threads it started are not daemons, so without this the JVM stays up after the stack trace and
 * keeps its children's load on the machine. Install first thing in {@code main}; other threads'
 * failures are handled as before.
 */
final class EndOnFailure {

  private EndOnFailure() {}

  static void install() {
    Thread main = Thread.currentThread();
    Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
      if (thread != main) {
        if (before != null) {
          before.uncaughtException(thread, failure);
        } else {
          failure.printStackTrace();
        }
        return;
      }
      System.err.print("benchmark failed: ");
      failure.printStackTrace();
      // exit, not halt: the shutdown hooks stop the child processes.
      System.exit(1);
    });
  }
}
