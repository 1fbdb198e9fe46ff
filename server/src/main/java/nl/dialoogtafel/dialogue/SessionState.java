package nl.dialoogtafel.dialogue;

import java.util.List;
import java.util.Optional;
import org.pcollections.HashTreePMap;
import org.pcollections.HashTreePSet;
import org.pcollections.PMap;
import org.pcollections.PSet;

/**
 * Everything the rules need to know about one session, folded from its events. {@code seq} counts
 * public events.
 *
 * <p>Immutable, and cheap to change: the maps and sets are persistent (pcollections), so a change
 * costs O(log n) and returns a new state that shares everything else with the old one. The old
 * state stays valid — the pipeline decides a batch against a speculative state and drops it when
 * the write fails — and any thread may read a state it was handed.
 */
public record SessionState(
    String sessionId,
    List<Phase> phases,
    SessionStatus status,
    String phaseId,
    long seq,
    PMap<String, Participant> participants,
    PMap<String, PostState> posts,
    PMap<String, ContactRequest> requests,
    PSet<String> connections,
    PSet<String> erased,
    Moderation moderation) {

  public SessionState {
    // List.copyOf returns an unmodifiable list as it is, so this copies once, not per change.
    phases = List.copyOf(phases);
  }

  /** A session before anything happened: open, no phase started yet. */
  public static SessionState initial(String sessionId, List<Phase> phases) {
    return new SessionState(sessionId, phases, SessionStatus.OPEN, null, 0, HashTreePMap.empty(),
        HashTreePMap.empty(), HashTreePMap.empty(), HashTreePSet.empty(), HashTreePSet.empty(), Moderation.OFF);
  }

  public Optional<Phase> phase(String id) {
    return phases.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public Optional<Phase> currentPhase() {
    return phaseId == null ? Optional.empty() : phase(phaseId);
  }

  public boolean connected(String a, String b) {
    return connections.contains(pairKey(a, b));
  }

  static String pairKey(String a, String b) {
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }

  SessionState withStatus(SessionStatus next) {
    return new SessionState(sessionId, phases, next, phaseId, seq, participants, posts, requests, connections, erased, moderation);
  }

  SessionState withPhase(String next) {
    return new SessionState(sessionId, phases, status, next, seq, participants, posts, requests, connections, erased, moderation);
  }

  SessionState withSeq(long next) {
    return new SessionState(sessionId, phases, status, phaseId, next, participants, posts, requests, connections, erased, moderation);
  }

  SessionState withParticipant(Participant participant) {
    return new SessionState(sessionId, phases, status, phaseId, seq, participants.plus(participant.id(), participant),
        posts, requests, connections, erased, moderation);
  }

  SessionState withPost(PostState post) {
    return new SessionState(sessionId, phases, status, phaseId, seq, participants, posts.plus(post.id(), post),
        requests, connections, erased, moderation);
  }

  SessionState withRequest(ContactRequest request) {
    return new SessionState(sessionId, phases, status, phaseId, seq, participants, posts,
        requests.plus(request.id(), request), connections, erased, moderation);
  }

  /** Whether this person's details and words were erased on request. */
  public boolean isErased(String participantId) {
    return erased.contains(participantId);
  }

  /**
   * The person without a name, their posts off the wall; organisation and role stay for the facts.
   * Walks every post (an erasure is rare); only the author's posts are replaced.
   */
  SessionState withErased(String participantId) {
    Participant was = participants.get(participantId);
    PMap<String, Participant> people = participants.plus(participantId,
        new Participant(participantId, null, was.organisation(), was.role(), false));
    PMap<String, PostState> nextPosts = posts;
    for (PostState post : posts.values()) {
      if (post.authorId().equals(participantId)) {
        nextPosts = nextPosts.plus(post.id(), post.withdraw());
      }
    }
    return new SessionState(sessionId, phases, status, phaseId, seq, people, nextPosts, requests, connections,
        erased.plus(participantId), moderation);
  }

  SessionState withConnection(String a, String b) {
    return new SessionState(sessionId, phases, status, phaseId, seq, participants, posts, requests,
        connections.plus(pairKey(a, b)), erased, moderation);
  }

  SessionState withModeration(Moderation next) {
    return new SessionState(sessionId, phases, status, phaseId, seq, participants, posts, requests, connections, erased,
        next);
  }
}
