package nl.dialoogtafel.dialogue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the rules need to know about one session, folded from its events. Immutable: each
 * change returns a new state sharing what did not change. {@code seq} counts public events.
 */
public record SessionState(
    String sessionId,
    List<Phase> phases,
    SessionStatus status,
    String phaseId,
    long seq,
    Map<String, Participant> participants,
    Map<String, PostState> posts,
    Map<String, ContactRequest> requests,
    Set<String> connections,
    Set<String> erased) {

  public SessionState {
    phases = List.copyOf(phases);
    participants = Map.copyOf(participants);
    posts = Map.copyOf(posts);
    requests = Map.copyOf(requests);
    connections = Set.copyOf(connections);
    erased = Set.copyOf(erased);
  }

  /** A session before anything happened: open, no phase started yet. */
  public static SessionState initial(String sessionId, List<Phase> phases) {
    return new SessionState(sessionId, phases, SessionStatus.OPEN, null, 0, Map.of(), Map.of(), Map.of(), Set.of(), Set.of());
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
    return new SessionState(sessionId, phases, next, phaseId, seq, participants, posts, requests, connections, erased);
  }

  SessionState withPhase(String next) {
    return new SessionState(sessionId, phases, status, next, seq, participants, posts, requests, connections, erased);
  }

  SessionState withSeq(long next) {
    return new SessionState(sessionId, phases, status, phaseId, next, participants, posts, requests, connections, erased);
  }

  SessionState withParticipant(Participant participant) {
    Map<String, Participant> next = new HashMap<>(participants);
    next.put(participant.id(), participant);
    return new SessionState(sessionId, phases, status, phaseId, seq, next, posts, requests, connections, erased);
  }

  SessionState withPost(PostState post) {
    Map<String, PostState> next = new HashMap<>(posts);
    next.put(post.id(), post);
    return new SessionState(sessionId, phases, status, phaseId, seq, participants, next, requests, connections, erased);
  }

  SessionState withRequest(ContactRequest request) {
    Map<String, ContactRequest> next = new HashMap<>(requests);
    next.put(request.id(), request);
    return new SessionState(sessionId, phases, status, phaseId, seq, participants, posts, next, connections, erased);
  }

  /** Whether this person's details and words were erased on request. */
  public boolean isErased(String participantId) {
    return erased.contains(participantId);
  }

  /** The person without a name, their posts off the wall; organisation and role stay for the facts. */
  SessionState withErased(String participantId) {
    Participant was = participants.get(participantId);
    Map<String, Participant> people = new HashMap<>(participants);
    people.put(participantId, new Participant(participantId, null, was.organisation(), was.role(), false));
    Map<String, PostState> nextPosts = new HashMap<>(posts);
    posts.values().stream().filter(p -> p.authorId().equals(participantId))
        .forEach(p -> nextPosts.put(p.id(), p.withdraw()));
    Set<String> nextErased = new HashSet<>(erased);
    nextErased.add(participantId);
    return new SessionState(sessionId, phases, status, phaseId, seq, people, nextPosts, requests, connections,
        nextErased);
  }

  SessionState withConnection(String a, String b) {
    Set<String> next = new HashSet<>(connections);
    next.add(pairKey(a, b));
    return new SessionState(sessionId, phases, status, phaseId, seq, participants, posts, requests, next, erased);
  }
}
