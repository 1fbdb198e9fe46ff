package nl.dialoogtafel.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.archive.NarrativeRecord.Post;
import nl.dialoogtafel.archive.NarrativeRecord.Recognition;
import nl.dialoogtafel.archive.NarrativeRecord.Removal;
import nl.dialoogtafel.dialogue.Participant;

/** A post while the record is being read; recognitions arrive after it. */
final class PostDraft {
  final String id;
  final long seq;
  final String kind;
  final String phase;
  final String title;
  final String text;
  final String authorId;
  final String at;
  final Removal removal;
  /** Per recognition: who, the note, when, and non-null when the note had words (stored or erased). */
  final List<String[]> recognitions = new ArrayList<>();
  boolean spotlighted;
  boolean telling;

  PostDraft(String id, long seq, String kind, String phase, String title, String text, String authorId, String at,
      Removal removal) {
    this.id = id;
    this.seq = seq;
    this.kind = kind;
    this.phase = phase;
    this.title = title;
    this.text = text;
    this.authorId = authorId;
    this.at = at;
    this.removal = removal;
  }

  /** A removed post keeps no recognition notes either: a note could quote it. The marker says why. */
  Post build(Map<String, Participant> joined, Map<String, String> phaseTitles) {
    List<Recognition> told = new ArrayList<>();
    for (String[] r : recognitions) {
      boolean noteGone = removal != null && r[3] != null;
      told.add(new Recognition(RecordFolder.person(joined.get(r[0])), removal == null ? r[1] : null, r[2],
          noteGone ? removal.why() : null));
    }
    return new Post(id, seq, kind, phase, phaseTitles.get(phase), title, text,
        RecordFolder.person(joined.get(authorId)), at, removal, told, telling && removal == null, spotlighted);
  }
}
