package nl.dialoogtafel.live.hub;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * A node runs one event loop per core. A session's hub lives on one of them and a phone's socket
 * on any of them: work for the hub hops to the hub's loop, and the answer hops back to the
 * caller's. Both hops go through the loops' own task queues, so whatever one loop sends another
 * arrives in the order it was sent — the welcome before the events that follow it.
 */
public final class Loops {

  private Loops() {}

  /** Runs {@code work} on {@code target} and completes the answer on the caller's context. */
  public static <T> Future<T> on(Context target, Supplier<Future<T>> work) {
    Context here = Vertx.currentContext();
    if (here == target) {
      return call(work);
    }
    Promise<T> answer = Promise.promise();
    target.runOnContext(v -> call(work).onComplete(done -> {
      if (here == null) {
        complete(answer, done.succeeded(), done.result(), done.cause());
      } else {
        here.runOnContext(x -> complete(answer, done.succeeded(), done.result(), done.cause()));
      }
    }));
    return answer.future();
  }

  /** Runs {@code action} on {@code target}: at once when already there, else as its next task. */
  public static void run(Context target, Runnable action) {
    if (Vertx.currentContext() == target) {
      action.run();
    } else {
      target.runOnContext(v -> action.run());
    }
  }

  private static <T> Future<T> call(Supplier<Future<T>> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static <T> void complete(Promise<T> answer, boolean succeeded, T result, Throwable cause) {
    if (succeeded) {
      answer.complete(result);
    } else {
      answer.fail(cause);
    }
  }
}
