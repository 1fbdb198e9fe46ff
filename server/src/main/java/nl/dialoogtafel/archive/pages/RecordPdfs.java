package nl.dialoogtafel.archive.pages;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.dialoogtafel.archive.ArchiveRecords;
import nl.dialoogtafel.archive.ArchivedSession;
import nl.dialoogtafel.archive.FollowUp;
import nl.dialoogtafel.archive.FollowUpStore;
import nl.dialoogtafel.archive.NarrativeRecord;
import nl.dialoogtafel.archive.RecordSource;
import nl.dialoogtafel.archive.StoredPdfs;
import nl.dialoogtafel.http.PdfRenderer;
import nl.dialoogtafel.i18n.Messages;
import nl.dialoogtafel.templates.TemplateCatalog;

/**
 * Makes each record's PDF once and keeps it beside the record ({@link StoredPdfs}): when the
 * record is prepared (closed, or its head moved: a late harvest, a withdrawal, an erasure), when a
 * page view or a download finds none at the record's current key, and after an answer. A 5,000-event
 * record's PDF takes many seconds to lay out, so a download may not pay for it.
 *
 * <p>One render at a time, on a thread of its own ({@code dialoogtafel-pdf}), never on an event
 * loop, the database pool or the page pool; waiting jobs are bounded ({@link #MAX_WAITING}), and a
 * job someone waits for goes before the ones made in the background. The PDFs of records nobody is
 * looking at ({@link #prepared}: after a start, thousands at once on a new archive) are made only
 * when no reader has asked the archive for a page or a search for {@link #QUIET}: a render takes a
 * core, and on a small machine it would take it from the readers. A PDF is stored at a key of
 * everything it shows: the record's facts, head and verdict, the municipality's answers, the language
 * and this build's template, style sheet and sentences; it is sent only at exactly that key.
 */
public final class RecordPdfs {

  static final int MAX_WAITING = 64;
  /** How long the archive must have had no reader before a PDF nobody looks at is made. */
  static final Duration QUIET = Duration.ofSeconds(2);
  private static final Logger LOG = Logger.getLogger(RecordPdfs.class.getName());
  /** What the PDF is made of besides the record: a new build with another layout makes it again. */
  private static final String[] MADE_OF = {"/templates/record.ftl", "/templates/layout.ftl",
      "/templates/recurring.ftl", "/web-assets/archive/archive.css", "/i18n/messages_nl.properties",
      "/i18n/messages_en.properties"};

  /**
   * Its own daemon thread, not a Vert.x worker: a render of a big record takes tens of seconds, and a
   * Vert.x worker still running holds up closing Vert.x (and with it the search index's lock).
   */
  private final java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor(
      run -> {
        Thread t = new Thread(run, "dialoogtafel-pdf");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
      });
  private final PdfRenderer renderer;
  private final RecordSource source;
  private final ArchiveRecords records;
  private final FollowUpStore followups;
  private final StoredPdfs stored;
  private final TemplateCatalog templates;
  private final String build = fingerprint();

  private final Deque<Job> asked = new ArrayDeque<>();
  private final Deque<Job> background = new ArrayDeque<>();
  /** Prepared records nobody looks at: made only in a quiet moment. */
  private final Deque<Job> unviewed = new ArrayDeque<>();
  private final Vertx vertx;
  private volatile long readerAt = System.nanoTime() - QUIET.toNanos();
  /** A timer is set to look at {@link #unviewed} again when the archive has been quiet long enough. */
  private boolean waking;
  private final Map<String, Job> jobs = new HashMap<>();
  private Job current;
  /** Rendering time per character of the PDF's HTML, learned from the last render (for the progress shown). */
  private volatile double nanosPerChar = 5_000;

  public RecordPdfs(Vertx vertx, PdfRenderer renderer, RecordSource source, ArchiveRecords records,
      FollowUpStore followups, StoredPdfs stored, TemplateCatalog templates) {
    this.vertx = vertx;
    this.renderer = renderer;
    this.source = source;
    this.records = records;
    this.followups = followups;
    this.stored = stored;
    this.templates = templates;
  }

  /** One PDF to make: its place in the line, then its progress; completes with the PDF. */
  public final class Job {
    final String session;
    final String lang;
    final Promise<Made> done = Promise.promise();
    volatile boolean urgent;
    /** Asked for again while it ran: what it read may be older than what the asker saw, so it is made once more. */
    volatile boolean again;
    /** 0 until it runs; then an estimate (rendering is the long part, timed against the last render). */
    private volatile int percent;
    private volatile long renderStart;
    private volatile long renderExpected;

    Job(String session, String lang, boolean urgent) {
      this.session = session;
      this.lang = lang;
      this.urgent = urgent;
    }

    public Future<Made> done() {
      return done.future();
    }

    public boolean running() {
      return percent > 0;
    }

    /** How far along, 1–99 while running. */
    public int percent() {
      if (renderStart > 0 && percent < 95) {
        double share = Math.min(1.0, (System.nanoTime() - renderStart) / (double) Math.max(1, renderExpected));
        return Math.max(percent, (int) Math.min(95, 10 + 85 * share));
      }
      return Math.min(99, percent);
    }

    /** Jobs that run before this one (0 when it runs). */
    public int ahead() {
      synchronized (RecordPdfs.this) {
        if (running()) {
          return 0;
        }
        int n = current == null ? 0 : 1;
        for (Deque<Job> line : List.of(asked, background, unviewed)) {
          for (Job j : line) {
            if (j == this) {
              return n;
            }
            n++;
          }
        }
        return n;
      }
    }
  }

  /** A PDF and the key of what it was made from (an empty PDF: made already and stored at that key). */
  public record Made(String key, byte[] pdf) {}

  /** The key of the PDF this record shows to every reader in {@code lang}, as stored. */
  public String key(String lang, NarrativeRecord record, Map<String, FollowUp> answers, ArchivedSession session) {
    String made = build + "\n" + lang + "\n" + record.session() + "\n" + record.head() + "\n" + record.integrity()
        + "\n" + RecordModel.templateTitle(session, templates).orElse("") + "\n" + new TreeMap<>(answers);
    return sha256(made);
  }

  /** The stored PDF at this key, if there is one. */
  public Future<Optional<byte[]>> stored(String session, String lang, String key) {
    return stored.find(session, lang, key);
  }

  /** Whether the PDF at this key is stored; if not, it is made in the background. */
  public Future<Boolean> readyOrMake(ArchivedSession session, String lang, String key) {
    String id = session.info().id();
    return stored.has(id, lang, key).onSuccess(ready -> {
      if (!ready) {
        offer(id, lang, false);
      }
    });
  }

  /** The job making this PDF now or waiting to, if any. */
  public synchronized Optional<Job> making(String session, String lang) {
    return Optional.ofNullable(jobs.get(session + "/" + lang));
  }

  /**
   * Puts a PDF in line (or finds it there); someone waiting for it ({@code urgent}) goes before the
   * background. Empty when the line is full.
   */
  public synchronized Optional<Job> offer(String session, String lang, boolean urgent) {
    String name = session + "/" + Messages.language(lang);
    Job job = jobs.get(name);
    if (job != null) {
      if (job.running()) {
        job.again = true;
        job.urgent |= urgent;
      }
      if (unviewed.remove(job)) {
        // Someone looks at it now: it goes in line with the others of its kind.
        job.urgent = urgent;
        (urgent ? asked : background).addLast(job);
        next();
        return Optional.of(job);
      }
      if (urgent && !job.urgent && background.remove(job)) {
        job.urgent = true;
        asked.addLast(job);
      }
      return Optional.of(job);
    }
    if (asked.size() + background.size() >= MAX_WAITING) {
      return Optional.empty();
    }
    job = new Job(session, Messages.language(lang), urgent);
    jobs.put(name, job);
    (urgent ? asked : background).addLast(job);
    next();
    return Optional.of(job);
  }

  /**
   * A record prepared at a new head (on the preparer's worker): its Dutch PDF is made in a quiet
   * moment, after every PDF someone looks at. Dropped when the line is full: the record page offers
   * it again when someone opens it.
   */
  public synchronized void prepared(NarrativeRecord record) {
    if (!record.integrity().valid()) {
      return;
    }
    String name = record.session().id() + "/" + Messages.DUTCH;
    // A line of its own, so PDFs nobody looks at never crowd out one a reader opened.
    if (jobs.containsKey(name) || unviewed.size() >= MAX_WAITING) {
      return;
    }
    Job job = new Job(record.session().id(), Messages.DUTCH, false);
    jobs.put(name, job);
    unviewed.addLast(job);
    next();
  }

  /** A reader asked the archive for a page or a search (a route handler): PDFs nobody looks at wait. */
  public void readerCame(RoutingContext ctx) {
    readerAt = System.nanoTime();
    ctx.next();
  }

  private synchronized void next() {
    if (current != null) {
      return;
    }
    Job job = !asked.isEmpty() ? asked.pollFirst() : !background.isEmpty() ? background.pollFirst() : whenQuiet();
    if (job == null) {
      return;
    }
    current = job;
    java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return make(job);
      } catch (Exception e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, thread).whenComplete((made, failure) -> {
      synchronized (this) {
        current = null;
        jobs.remove(job.session + "/" + job.lang);
      }
      Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      while (cause instanceof java.util.concurrent.ExecutionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause != null) {
        if (!(cause instanceof nl.dialoogtafel.storage.Database.Closing)) {
          LOG.log(Level.WARNING, "making a record PDF failed: {0}", cause.getClass().getName());
        }
        job.done.tryFail(cause);
      } else {
        job.done.tryComplete(made);
      }
      if (job.again) {
        offer(job.session, job.lang, job.urgent);
      }
      next();
    });
  }

  /** The next PDF nobody looks at, if the archive has been quiet long enough; else a look later. */
  private Job whenQuiet() {
    if (unviewed.isEmpty()) {
      return null;
    }
    long wait = readerAt + QUIET.toNanos() - System.nanoTime();
    if (wait <= 0) {
      return unviewed.pollFirst();
    }
    if (!waking) {
      waking = true;
      vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)), id -> {
        synchronized (this) {
          waking = false;
        }
        next();
      });
    }
    return null;
  }

  /** Blocking, on the PDF thread: read what the PDF shows, use the stored one if it still holds, else render and store. */
  private Made make(Job job) throws Exception {
    job.percent = 1;
    while (true) {
      long ticket = stored.ticket();
      ArchivedSession session = await(source.session(job.session)).filter(ArchivedSession::closed)
          .orElseThrow(() -> new IllegalStateException("no closed record"));
      NarrativeRecord record = await(records.narrative(session));
      Map<String, FollowUp> answers = await(followups.forSession(job.session));
      String key = key(job.lang, record, answers, session);
      job.percent = 5;
      if (await(stored.has(job.session, job.lang, key))) {
        // Made already: a job nobody waits for reads no chunks (the asker reads them by the key).
        Optional<byte[]> have = job.urgent ? await(stored.find(job.session, job.lang, key)) : Optional.empty();
        return new Made(key, have.orElse(new byte[0]));
      }
      String html = renderer.html("record", job.lang, RecordModel.forPdf(session, record, answers, job.lang,
          templates));
      job.percent = 10;
      job.renderExpected = (long) (html.length() * nanosPerChar);
      job.renderStart = System.nanoTime();
      byte[] pdf = renderer.fromHtml(html);
      long took = System.nanoTime() - job.renderStart;
      nanosPerChar = took / (double) Math.max(1, html.length());
      job.renderStart = 0;
      job.percent = 97;
      boolean kept = await(source.database().call(() -> stored.keepNow(ticket, job.session, job.lang, key, pdf)));
      if (kept || pdf.length > StoredPdfs.MAX_BYTES || stored.ticket() == ticket) {
        return new Made(key, pdf);
      }
      // Something of this session was forgotten (an erasure) while it was made: make it again from
      // the store as it is now, so no PDF with erased words is stored or sent.
      job.percent = 1;
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
  }

  private static String fingerprint() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String resource : MADE_OF) {
        try (InputStream in = RecordPdfs.class.getResourceAsStream(resource)) {
          if (in != null) {
            digest.update(in.readAllBytes());
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
