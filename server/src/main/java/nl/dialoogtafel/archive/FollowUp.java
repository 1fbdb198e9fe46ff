package nl.dialoogtafel.archive;

import java.util.List;

/**
 * The municipality's answer to one knelpunt: a status and a written answer, dated and signed by
 * the reader's role. Kept beside the record (not in its hash chain: it is the wethouder's word,
 * not the room's), with every earlier answer in {@code history}, oldest first.
 */
public record FollowUp(String session, String post, String status, String answer, String at, String signature,
    List<Entry> history) {

  public static final List<String> STATUSES = List.of("erkend", "in_behandeling", "opgelost", "niet_haalbaar");
  public static final int MAX_ANSWER = 4000;

  public record Entry(String status, String answer, String at, String signature, String account) {}
}
