package nl.dialoogtafel.live.hub;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.dialogue.SessionEvent.PostAdded;
import nl.dialoogtafel.dialogue.SessionState;
import nl.dialoogtafel.record.Quotation;
import nl.dialoogtafel.record.Redaction;
import nl.dialoogtafel.storage.Stores;

/**
 * Words that must leave the store: a post its author withdrew, and everything of a person erased
 * on request (their document, their contact notes, what they wrote) — each with what others wrote
 * about those posts (recognition notes on them, contact notes quoting them, see {@link Quotation})
 * — followed by a rewrite of the store file so no old copy remains. A crash between the event and
 * these writes is finished when the session is next loaded. Part of one {@link SessionHub}, on its
 * event loop.
 */
final class Erasures {

  private static final Logger LOG = Logger.getLogger(Erasures.class.getName());
  private static final String WITHDRAWN = "withdrawn";

  private final Stores stores;
  private final String sessionId;
  /** The latest person erasure's writes; an erasure is answered only once it is stored and compacted. */
  private Future<Void> personWrite = Future.succeededFuture();

  /** Whether this node writes the erasures (in a cluster only the session's owner does). */
  private final BooleanSupplier writes;

  Erasures(Stores stores, String sessionId, BooleanSupplier writes) {
    this.stores = stores;
    this.sessionId = sessionId;
    this.writes = writes;
  }

  /** Completes when the latest person erasure is stored and the store file rewritten (never fails). */
  Future<Void> written() {
    return personWrite.otherwiseEmpty();
  }

  /**
   * The words of a withdrawn post leave the store, with the recognition notes on it and the contact
   * notes quoting it (marked {@code withdrawn} too); what remains says who, where and when. Then the
   * file is rewritten.
   */
  Future<Void> withdrawn(RecordView view, String postId) {
    if (!writes.getAsBoolean()) {
      return Future.succeededFuture();
    }
    Recorded post = view.post(postId);
    Map<Long, JsonObject> toErase = new HashMap<>(view.wordsAbout(postId));
    if (!post.stored().isErased()) {
      toErase.put(post.seq(), Redaction.remaining(post.event()).orElseThrow());
    }
    // The contact notes first: only the post's words, still in the events, can tell which quote it.
    return stores.contacts().eraseNotesQuoting(sessionId, view.quotationOf(postId))
        .compose(n -> stores.events().eraseAll(sessionId, toErase, Redaction.marker(Instant.now().toString(), WITHDRAWN)))
        .compose(v -> stores.database().compactStorage())
        .onFailure(e -> LOG.warning("erasing a withdrawn post failed; retried on next load: " + e.getClass().getName()));
  }

  /**
   * A person's document and notes lose their personal data (and contact notes quoting their posts,
   * {@code quoted}, their words), then the events holding their words or notes about their posts
   * ({@code toErase}: the data that stays, by seq) lose those, then the file is rewritten.
   */
  Future<Void> person(String participantId, String at, Map<Long, JsonObject> toErase, Quotation quoted) {
    if (!writes.getAsBoolean()) {
      return Future.succeededFuture();
    }
    // The events last: erasing them waits for the archive to forget what it folded (name included,
    // stored search entry too), so the file rewritten after it keeps no copy.
    personWrite = Future.all(stores.participants().erase(participantId, at),
            stores.contacts().eraseNotes(sessionId, participantId),
            stores.contacts().eraseNotesQuoting(sessionId, quoted),
            stores.waiting().eraseBy(sessionId, participantId))
        .compose(v -> stores.events().eraseAll(sessionId, toErase, Redaction.marker(at, PersonErasure.REASON)))
        .compose(v -> stores.database().compactStorage())
        .onFailure(e -> LOG.warning("erasing a person failed; finished on next load: " + e.getClass().getName()));
    return personWrite;
  }

  /**
   * Finishes what a crash cut short, for a record just loaded: withdrawn posts whose words are
   * still stored, and erased people whose document, notes or words remain. {@code people} are the
   * stored participants (names included). Completes when every write has been tried.
   */
  Future<Void> finishOnLoad(RecordView view, SessionState state, Map<String, Participant> people) {
    List<Future<Void>> writes = new ArrayList<>();
    // An erased author's posts count as withdrawn too, but are the person erasure's (marked erased, as live).
    state.posts().values().stream().filter(post -> post.withdrawn() && !state.isErased(post.authorId()))
        .map(post -> view.post(post.id()))
        .filter(recorded -> !recorded.stored().isErased() || !view.wordsAbout(postIdOf(recorded)).isEmpty())
        .sorted(Comparator.comparingLong(Recorded::seq))
        .forEach(recorded -> writes.add(withdrawn(view, postIdOf(recorded))));
    Map<String, String> erasedAt = new LinkedHashMap<>();
    for (Recorded recorded : view.all()) {
      String erased = PersonErasure.traces(recorded.event()).erased();
      if (erased != null) {
        erasedAt.put(erased, recorded.stored().at());
      }
    }
    erasedAt.forEach((erased, at) -> {
      Map<Long, JsonObject> toErase = view.wordsOf(erased);
      Participant person = people.get(erased);
      if (!toErase.isEmpty() || (person != null && person.name() != null)) {
        writes.add(person(erased, at, toErase, Quotation.of(view.postsBy(erased))));
      }
    });
    return Future.join(writes).<Void>mapEmpty().otherwiseEmpty();
  }

  private static String postIdOf(Recorded post) {
    return ((PostAdded) post.event()).postId();
  }
}
