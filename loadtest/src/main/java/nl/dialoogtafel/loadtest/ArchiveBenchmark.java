package nl.dialoogtafel.loadtest;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.vertx.core.Vertx;
import nl.dialoogtafel.app.Server;
import nl.dialoogtafel.app.Settings;
import nl.dialoogtafel.dialogue.Phase;
import nl.dialoogtafel.dialogue.SessionStatus;
import nl.dialoogtafel.record.EventCodec;
import nl.dialoogtafel.storage.EventStore;
import nl.dialoogtafel.record.HashChain;
import nl.dialoogtafel.record.SessionInfo;
import nl.dialoogtafel.storage.SessionStore;
import nl.dialoogtafel.record.StoredEvent;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.Documents;
import nl.dialoogtafel.storage.ArchiveChanges;
import nl.dialoogtafel.storage.EventSlots;
import nl.dialoogtafel.storage.ParticipantStore;
import nl.dialoogtafel.record.ExportVerifier;
import nl.dialoogtafel.record.ParticipantRecord;
import nl.dialoogtafel.record.RecordCheck;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import nl.dialoogtafel.templates.TemplateCatalog;
import org.bson.Document;

/**
 * Scenario P8 of the quality bars: the record page of a session with 5,000 events, and a search
 * over an archive of 2,000 closed sessions (20,000 for the raised bar: p95 and the first search
 * after a start, with the start-up time), on the real server with the embedded store. The
 * records are written straight into the store (sealed on the hash chain, as the hub would), then
 * read over HTTP like a browser. Prints medians; {@code /health} in the same run is the floor.
 *
 * <p>Run: {@code loadtest/archive.sh [sessions=2000] [events=5000] [repeats=15]}
 */
public final class ArchiveBenchmark {

  private static final String ADMIN = "bench";
  private static final String PASSWORD = "bench-wachtwoord-lang-genoeg";
  /** Sessions per bulk write: 50 small sessions are ~1,000 event documents in one insertMany
   * (each write must answer within the driver's 15 s read timeout on a busy machine). */
  private static final int BULK = 50;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String[] WORDS = ("wachtlijst loket moeder school wijkteam huisarts jeugdarts contract "
      + "indicatie gezin vader dochter zoon leerplicht veilig thuis schuld woning overleg casus").split(" ");

  public static void main(String[] args) throws Exception {
    int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    // "search": only the search and start-up measures (no record pages or PDFs, no waiting for the
    // preparer), for the bar's size on a busy machine.
    boolean full = !(args.length > 3 && "search".equals(args[3]));
    // "seed": only the seeding into the kept folder (ARCHIVE_BENCH_SEED), no server; a later run reuses it.
    boolean seedOnly = args.length > 3 && "seed".equals(args[3]);
    Path dataDir = Files.createTempDirectory("dialoogtafel-archive-bench");
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "0");
    env.put("HOST", "127.0.0.1");
    env.put("DIALOOG_DATA_DIR", dataDir.toString());
    env.put("DIALOOG_ADMIN", ADMIN + ":" + PASSWORD);
    // Each row is printed as it is measured too, so a long run at 20,000 sessions shows its progress.
    List<String> rows = new ArrayList<>() {
      @Override
      public boolean add(String row) {
        System.out.println("  " + Instant.now() + " " + row);
        return super.add(row);
      }
    };
    try {
      List<Phase> phases = TemplateCatalog.load(Path.of("session-templates")).find("transformatiedialoog")
          .orElseThrow().phases();
      Optional<KeptSeed> kept = KeptSeed.fromEnv(sessions, events);
      Optional<java.util.Properties> reuse = kept.isPresent() ? kept.get().completed() : Optional.empty();
      Seeded big;
      if (reuse.isPresent()) {
        java.util.Properties p = reuse.get();
        big = new Seeded(p.getProperty("big.id"), Long.parseLong(p.getProperty("big.seq")), p.getProperty("big.hash"),
            p.getProperty("big.at"));
        System.out.printf("reusing the seed in %s (seeded %s in %s s)%n", kept.get(), p.getProperty("seededAt"),
            p.getProperty("seconds"));
      } else {
        Path into = kept.isPresent() ? kept.get().begin() : dataDir;
        long t0 = System.nanoTime();
        big = seedArchive(into, phases, sessions, events);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (kept.isPresent()) {
          java.util.Properties p = new java.util.Properties();
          p.setProperty("big.id", big.id());
          p.setProperty("big.seq", String.valueOf(big.seq()));
          p.setProperty("big.hash", big.hash());
          p.setProperty("big.at", big.at());
          p.setProperty("seededAt", Instant.now().toString());
          p.setProperty("seconds", String.format("%.0f", seconds));
          kept.get().complete(p);
        }
      }
      if (seedOnly) {
        if (kept.isEmpty()) {
          throw new IllegalArgumentException("'seed' keeps the seed only with " + KeptSeed.ENV + "=<folder>");
        }
        System.out.println("seed kept in " + kept.get());
        return;
      }
      if (kept.isPresent()) {
        long tc = System.nanoTime();
        kept.get().copyTo(dataDir);
        System.out.printf("  copied the kept store into the run's data folder in %.1f s%n", (System.nanoTime() - tc) / 1e9);
      }
      long firstStartAt = System.nanoTime();
      try (Server server = Server.start(Settings.from(env))) {
        rows.add(row("start-up with this archive, first start (no search index yet)",
            (System.nanoTime() - firstStartAt) / 1e6));
        String base = "http://127.0.0.1:" + server.port();
        String cookie = login(base);
        long heapBefore = heapAfterGc();
        // The first search waits for the first build of the index (started at start-up).
        long coldSearch = time(base + "/archief?q=wachtlijst", cookie);
        System.out.printf("  first search (builds the index) %.1f ms%n", coldSearch / 1e6);
        long heapAfterSearch = heapAfterGc();
        // The server prepares closed records in the background (RecordPreparer, every 5 s, from the
        // index's first build on); the records were written behind its back, so wait here until a
        // pass finds nothing left.
        long tp = System.nanoTime();
        if (full) {
          prepared(server);
        }
        double prepareSeconds = (System.nanoTime() - tp) / 1e9;
        System.out.printf("  every record prepared in %.1f s (after the first build)%n", prepareSeconds);
        long heapBeforePage = heapAfterGc();
        long coldPage = full ? time(base + "/archief/" + big.id(), cookie) : 0;
        long heapAfterPage = heapAfterGc();
        if (sessions > 2) {
          // A session written the old way and one written in bulk read alike: whole, chain verified.
          readsWhole(base, cookie, "s1arch");
          readsWhole(base, cookie, "s" + (sessions - 1) + "arch");
        }
        long[] health = new long[repeats];
        long[] page = new long[repeats];
        long[] small = new long[repeats];
        long[] search = new long[repeats];
        long[] rare = new long[repeats];
        long[] dutch = new long[repeats * 3];
        for (int r = 0; r < repeats; r++) {
          health[r] = time(base + "/health", null);
          page[r] = full ? time(base + "/archief/" + big.id(), cookie) : 0;
          small[r] = full && sessions > 1 ? time(base + "/archief/s1arch", cookie) : 0;
          search[r] = time(base + "/archief?q=wachtlijst+moeder", cookie);
          rare[r] = time(base + "/archief?q=zeldzaamwoord", cookie);
          // Stems, a phrase, a synonym: what Lucene does beyond the old substring match.
          dutch[3 * r] = time(base + "/archief?q=kinderen+gezin", cookie);
          dutch[3 * r + 1] = time(base + "/archief?q=%22wie+erbij+waren%22", cookie);
          dutch[3 * r + 2] = time(base + "/archief?q=ggz+school", cookie);
        }
        // The record grows after closing (a harvest, a withdrawal): the first view after that
        // reads, folds and verifies it again.
        long[] changed = new long[3];
        long[] changedAtOnce = new long[3];
        for (int r = 0; full && r < changed.length; r++) {
          big = grow(server.database(), big);
          prepared(server);
          changed[r] = time(base + "/archief/" + big.id(), cookie);
          big = grow(server.database(), big);
          changedAtOnce[r] = time(base + "/archief/" + big.id(), cookie);
        }
        // The stored PDF. First asked at once after the record changed: made while one waits (the
        // route waits up to 20 s, then answers 503 with Retry-After, which is followed here).
        long[] pdfFirst = new long[2];
        for (int r = 0; full && r < pdfFirst.length; r++) {
          big = grow(server.database(), big);
          pdfFirst[r] = timeUntilPdf(base + "/archief/" + big.id() + ".pdf", cookie);
        }
        // Made in the background: from the head moving (a late harvest) until the PDF is stored.
        double pdfMadeSeconds = 0;
        long[] pdf = new long[repeats];
        if (full) {
          big = grow(server.database(), big);
          long tm = System.nanoTime();
          prepared(server);
          String status = base + "/archief/" + big.id() + "/pdf-status";
          while (!fetch(status, cookie).contains("\"ready\"")) {
            Thread.sleep(200);
          }
          pdfMadeSeconds = (System.nanoTime() - tm) / 1e9;
          for (int r = 0; r < pdf.length; r++) {
            pdf[r] = time(base + "/archief/" + big.id() + ".pdf", cookie);
          }
          // One search after the record grew, so the index in the folder follows the store before the
          // restart (the first search after it then measures a start, not a rebuild of the big record).
          rows.add(row("search after the big record grew (folds it again)", time(base + "/archief?q=wachtlijst", cookie)
              / 1e6));
        }
        rows.add(row("/health (floor)", median(health)));
        if (full) {
          rows.add(row("record page, " + events + " events (first view, cold)", coldPage / 1e6));
          rows.add(row("record page, " + events + " events", median(page)));
          rows.add(row("record page, " + events + " events, first view after the record changed, once prepared (median of 3)",
              median(changed)));
          rows.add(row("record page, " + events + " events, first view at once after the record changed (median of 3)",
              median(changedAtOnce)));
          rows.add(row("preparing every record after seeding (after the first build), s", prepareSeconds));
          rows.add(row("record page, 20 events, in the same archive", median(small)));
        }
        rows.add(row("search over " + sessions + " sessions, first (builds the index)", coldSearch / 1e6));
        rows.add(row("search over " + sessions + " sessions, two common words", median(search)));
        rows.add(row("search over " + sessions + " sessions, a word found nowhere", median(rare)));
        rows.add(row("search over " + sessions + " sessions, stems / phrase / synonym (median)", median(dutch)));
        long[] all = concat(search, rare, dutch);
        rows.add(row("search over " + sessions + " sessions, p95 of all " + all.length + " searches above", p95(all)));
        if (full) {
          rows.add(row("record PDF, " + events + " events, stored (median of " + pdf.length + ")", median(pdf)));
          rows.add(row("record PDF, " + events + " events, asked at once after the record changed (made while one waits, Retry-After followed; median of 2)",
              median(pdfFirst)));
          rows.add(row("record PDF, " + events + " events, made in the background: head moved → stored, s", pdfMadeSeconds));
        }
        rows.add(String.format("| heap held after the first record view, MB (record cache, templates) | %.1f |",
            (heapAfterPage - heapBeforePage) / 1e6));
        rows.add(String.format("| heap held after the first search, MB (search index of %d sessions) | %.1f |",
            sessions, (heapAfterSearch - heapBefore) / 1e6));
      }
      // A restart reads the index in the data folder back instead of folding every record again.
      long startAt = System.nanoTime();
      try (Server server = Server.start(Settings.from(env))) {
        long started = System.nanoTime() - startAt;
        String base = "http://127.0.0.1:" + server.port();
        String cookie = login(base);
        rows.add(row("start-up with this archive (Server.start, index opened in the background)", started / 1e6));
        long tw = System.nanoTime();
        int warmed = server.archiveWarmUp().toCompletionStage().toCompletableFuture().get();
        rows.add(row("warm-up after start (" + warmed + " renders of the biggest record), waited for after start-up",
            (System.nanoTime() - tw) / 1e6));
        if (full) {
          rows.add(row("record page, " + events + " events, first view after a restart (warm-up done)",
              time(base + "/archief/s0big", cookie) / 1e6));
        }
        rows.add(row("search after a restart, first (reads the stored index)",
            time(base + "/archief?q=wachtlijst", cookie) / 1e6));
        long[] after = new long[repeats * 2];
        for (int r = 0; r < repeats; r++) {
          after[2 * r] = time(base + "/archief?q=wachtlijst+moeder", cookie);
          after[2 * r + 1] = time(base + "/archief?q=kinderen+gezin", cookie);
        }
        rows.add(row("search after a restart, p95 of " + after.length
            + " (while the preparer verifies every record again)", p95(after)));
        // After a start the preparer reads and verifies every record once more, on one database
        // worker: the same searches again once that pass is done.
        long tv = System.nanoTime();
        prepared(server);
        rows.add(row("every record verified again after the restart, s", (System.nanoTime() - tv) / 1e9));
        long[] settled = new long[repeats * 2];
        for (int r = 0; r < repeats; r++) {
          settled[2 * r] = time(base + "/archief?q=wachtlijst+moeder", cookie);
          settled[2 * r + 1] = time(base + "/archief?q=kinderen+gezin", cookie);
        }
        rows.add(row("search after a restart, p95 of " + settled.length + " once that pass is done", p95(settled)));
      }
    } finally {
      deleteTree(dataDir);
    }
    System.out.println("| measure | ms (median), or MB |");
    System.out.println("|---|---|");
    rows.forEach(System.out::println);
  }

  /**
   * Writes the archive into the store in {@code dataDir} before any server starts on it: the big
   * record and one small one the old way, the rest in bulk. Returns the big record's head.
   */
  private static Seeded seedArchive(Path dataDir, List<Phase> phases, int sessions, int events) throws Exception {
    long t0 = System.nanoTime();
    String now = Instant.now().toString();
    Seeded big;
    // Seeded into the store before the server starts, so its archive (the preparer folding and
    // the PDFs) does not compete with the writes; the server then meets a full archive at start.
    Vertx seeding = Vertx.vertx();
    try (Database db = Database.open(seeding, Optional.empty(), dataDir)) {
      // The big record and one small one the old way, each store call in turn; the rest in bulk.
      big = seed(db, generate(phases, "s0big", events, 100, now));
      Sealed reference = generate(phases, "s1arch", 20, 5, now);
      if (sessions > 1) {
        seed(db, reference);
        sameAsStoresWrite(db, reference);
      }
      List<Sealed> batch = new ArrayList<>();
      Instant closedAt = Instant.now();
      for (int i = 2; i < sessions; i++) {
        batch.add(generate(phases, "s" + i + "arch", 20, 5, now));
        if (batch.size() == BULK || i == sessions - 1) {
          seedBulk(db, batch, closedAt);
          batch.clear();
        }
        if (i % 2000 == 0) {
          System.out.printf("  %d sessions seeded, %.0f s%n", i, (System.nanoTime() - t0) / 1e9);
        }
      }
      // Every close moves the archive's mark; the bulk-written ones together, once.
      for (int attempt = 1; ; attempt++) {
        try {
          ArchiveChanges.count(db);
          break;
        } catch (RuntimeException e) {
          if (attempt == 5) {
            throw e;
          }
        }
      }
    } finally {
      seeding.close().toCompletionStage().toCompletableFuture().get();
    }
    System.out.printf("seeded 1 session of %d events and %d small ones in %.1f s%n", events, sessions - 1,
        (System.nanoTime() - t0) / 1e9);
    return big;
  }

  /** Runs the archive's preparer until a pass finds no record left to fold and keep. */
  private static void prepared(Server server) throws Exception {
    int done;
    int failed = 0;
    while (true) {
      try {
        done = server.archiveCaches().prepare().toCompletionStage().toCompletableFuture().get();
      } catch (java.util.concurrent.ExecutionException e) {
        // On a busy machine the embedded store may time out; the preparer goes on at its next pass.
        if (++failed == 5) {
          throw e;
        }
        System.out.println("  preparing failed (" + e.getCause().getClass().getSimpleName() + "), again");
        continue;
      }
      if (done == 0) {
        return;
      }
      if (done < 0) {
        Thread.sleep(50); // the scheduled pass is under way; ask again when it is done
      }
    }
  }

  /** Heap in use after a full collection: what the server holds, roughly (same JVM as the client). */
  private static long heapAfterGc() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static String row(String measure, double millis) {
    return String.format("| %s | %.1f |", measure, millis);
  }

  /** The head of a seeded record, so it can be grown later. */
  private record Seeded(String id, long seq, String hash, String at) {}

  /** One more event on a closed record and its head moved, as the hub does for a late harvest. */
  private static Seeded grow(Database db, Seeded record) throws Exception {
    long seq = record.seq() + 1;
    StoredEvent event = HashChain.seal(record.id(), seq, record.at(), "harvest.added",
        new JsonObject().put("harvest", "Oogst " + seq).put("agreements", "Afspraken " + seq), "bench/" + seq,
        record.hash());
    new EventStore(db).append(List.of(event)).toCompletionStage().toCompletableFuture().get();
    new SessionStore(db).setStatus(record.id(), SessionStatus.CLOSED, seq, event.hash()).toCompletionStage()
        .toCompletableFuture().get();
    return new Seeded(record.id(), seq, event.hash(), record.at());
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A closed session as the stores hold it: the session, the people and the sealed events. */
  private record Sealed(SessionInfo info, List<ParticipantRecord> people, List<StoredEvent> events) {
    Seeded head() {
      StoredEvent last = events.get(events.size() - 1);
      return new Seeded(info.id(), last.seq(), last.hash(), last.at());
    }
  }

  /** A closed session of n events: people join, stories are told in phase 2, some recognised. */
  private static Sealed generate(List<Phase> phases, String id, int n, int people, String now) {
    SessionInfo info = new SessionInfo(id, id.toUpperCase().substring(0, Math.min(6, id.length())) + n,
        "key", "Benchmark " + id, "Utrecht", "Oost", "transformatiedialoog", phases, ADMIN, now, SessionStatus.OPEN);
    List<ParticipantRecord> participants = new ArrayList<>();
    List<StoredEvent> sealed = new ArrayList<>();
    String hash = HashChain.GENESIS;
    int posts = 0;
    for (int seq = 1; seq <= n; seq++) {
      String name;
      JsonObject data;
      if (seq == 1) {
        name = "phase.started";
        data = new JsonObject().put("phase", EventCodec.phase(phases.get(1)));
      } else if (seq <= people + 1) {
        String person = id + "u" + seq;
        participants.add(new ParticipantRecord(person, id, "Persoon " + seq, "Organisatie " + (seq % 12), "rol",
            seq % 3 != 0, null, null, id + "t" + seq, now));
        name = "participant.joined";
        data = new JsonObject().put("participant", new JsonObject().put("id", person)
            .put("organisation", "Organisatie " + (seq % 12)).put("role", "rol"));
      } else if (seq == n) {
        name = "session.closed";
        data = new JsonObject();
      } else if (seq % 5 == 0 && posts > 0) {
        name = "recognition.added";
        data = new JsonObject().put("post", id + "p" + (posts - 1))
            .put("by", new JsonObject().put("id", id + "u" + (2 + seq % people))).put("note", "Herkenbaar.");
      } else {
        name = "post.added";
        String text = "Een verhaal over " + WORDS[seq % WORDS.length] + " en " + WORDS[(seq * 7) % WORDS.length]
            + ": wat er gebeurde, wie erbij waren en wat het verschil maakte. ".repeat(3);
        data = new JsonObject().put("post", new JsonObject().put("id", id + "p" + posts++)
            .put("kind", seq % 9 == 0 ? "barrier" : "story").put("title", "Verhaal " + seq).put("text", text)
            .put("phase", phases.get(1).id()).put("author", new JsonObject().put("id", id + "u" + (2 + seq % people))));
      }
      StoredEvent event = HashChain.seal(id, seq, now, name, data, "bench/" + seq, hash);
      hash = event.hash();
      sealed.add(event);
    }
    return new Sealed(info, participants, sealed);
  }

  /** One session written as the server writes it, one store call after another (the reference). */
  private static Seeded seed(Database db, Sealed s) throws Exception {
    new SessionStore(db).insert(s.info()).toCompletionStage().toCompletableFuture().get();
    new ParticipantStore(db).insertAll(s.people()).toCompletionStage().toCompletableFuture().get();
    EventStore store = new EventStore(db);
    for (int from = 0; from < s.events().size(); from += 500) {
      store.append(s.events().subList(from, Math.min(s.events().size(), from + 500))).toCompletionStage()
          .toCompletableFuture().get();
    }
    Seeded head = s.head();
    new SessionStore(db).setStatus(s.info().id(), SessionStatus.CLOSED, head.seq(), head.hash()).toCompletionStage()
        .toCompletableFuture().get();
    return head;
  }

  /**
   * Many sessions written already closed, with one insertMany per collection, as the documents the
   * stores build ({@link SessionStore#closedDocument}, {@link ParticipantStore#document},
   * {@link EventStore#document}); the archive's mark is moved once after the last batch
   * ({@link ArchiveChanges#count}), as each close would have.
   * Setting each status one at a time made the embedded store scan the sessions every time.
   */
  private static void seedBulk(Database db, List<Sealed> batch, Instant closedAt) {
    List<Document> sessions = new ArrayList<>();
    List<Document> people = new ArrayList<>();
    List<Document> events = new ArrayList<>();
    for (Sealed s : batch) {
      documents(s, closedAt, sessions, people, events);
    }
    insertAll(db, Database.SESSIONS, sessions);
    insertAll(db, Database.PARTICIPANTS, people);
    insertAll(db, Database.EVENTS, events);
  }

  /**
   * One insertMany; on a busy machine the embedded store may not answer within the driver's read
   * timeout, so a failed write is sent again, and a document already stored by the first try is
   * no error (the same key, the same document).
   */
  private static void insertAll(Database db, String collection, List<Document> docs) {
    for (int attempt = 1; ; attempt++) {
      try {
        db.collection(collection).insertMany(docs, new InsertManyOptions().ordered(false));
        return;
      } catch (RuntimeException e) {
        if (Documents.isDuplicateKey(e)) {
          return;
        }
        if (attempt == 5) {
          throw e;
        }
        System.out.println("  " + collection + ": write failed (" + e.getClass().getSimpleName() + "), again");
      }
    }
  }

  private static void documents(Sealed s, Instant closedAt, List<Document> sessions, List<Document> people,
      List<Document> events) {
    Seeded head = s.head();
    sessions.add(SessionStore.closedDocument(s.info(), head.seq(), head.hash(), closedAt));
    s.people().forEach(p -> people.add(ParticipantStore.document(p)));
    s.events().forEach(e -> events.add(EventStore.document(e)));
  }

  /**
   * The check that a bulk-written session is stored exactly as one written the old way: the
   * documents the bulk seeder would write for {@code reference} equal those the stores wrote for it
   * (the closing time aside, which each write takes from its own clock).
   */
  private static void sameAsStoresWrite(Database db, Sealed reference) {
    List<Document> sessions = new ArrayList<>();
    List<Document> people = new ArrayList<>();
    List<Document> events = new ArrayList<>();
    documents(reference, Instant.now(), sessions, people, events);
    String id = reference.info().id();
    Document stored = db.collection(Database.SESSIONS).find(Filters.eq("_id", id)).first();
    if (stored == null || stored.remove("closedAt") == null || sessions.get(0).remove("closedAt") == null) {
      throw new IllegalStateException("reference session " + id + " not stored closed");
    }
    compare("session", List.of(stored), sessions);
    compare("people", db.collection(Database.PARTICIPANTS).find(Filters.eq("session", id))
        .sort(new Document("_id", 1)).into(new ArrayList<>()), sorted(people));
    compare("events", EventSlots.read(db.collection(Database.EVENTS), id, 0, Long.MAX_VALUE), events);
  }

  private static List<Document> sorted(List<Document> docs) {
    return docs.stream().sorted(java.util.Comparator.comparing(d -> d.getString("_id"))).toList();
  }

  private static void compare(String what, List<Document> stored, List<Document> bulk) {
    if (!stored.equals(bulk)) {
      throw new IllegalStateException("bulk-seeded " + what + " differ from what the stores write:\n"
          + stored.stream().map(Document::toJson).toList() + "\n" + bulk.stream().map(Document::toJson).toList());
    }
  }

  /** The record page says the chain verifies, and the JSON export verifies offline. */
  private static void readsWhole(String base, String cookie, String id) throws Exception {
    String page = fetch(base + "/archief/" + id, cookie);
    if (!page.contains("sluiten aan in de hashketen en de laatste komt overeen met de vastgelegde kop")) {
      throw new IllegalStateException("record page of " + id + " does not say its chain verifies");
    }
    RecordCheck.Result export = ExportVerifier.verify(new JsonObject(fetch(base + "/archief/" + id + ".json", cookie)));
    if (!export.valid() || !export.complete()) {
      throw new IllegalStateException("export of " + id + " does not verify: " + export);
    }
  }

  private static String login(String base) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
        .header("Content-Type", "application/json").header("Origin", base)
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", ADMIN).put("password", PASSWORD)
            .encode())).build(), HttpResponse.BodyHandlers.ofString());
    String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  private static long time(String url, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    long start = System.nanoTime();
    HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    long took = System.nanoTime() - start;
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
    return took;
  }

  /** Asks for a PDF until it comes, following 503 + Retry-After as a browser's user would; the whole wait. */
  private static long timeUntilPdf(String url, String cookie) throws Exception {
    long start = System.nanoTime();
    while (true) {
      HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).GET()
          .build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() == 200) {
        return System.nanoTime() - start;
      }
      if (response.statusCode() != 503) {
        throw new IllegalStateException(url + " answered " + response.statusCode());
      }
      Thread.sleep(1000L * Integer.parseInt(response.headers().firstValue("Retry-After").orElse("1")));
    }
  }

  private static String fetch(String url, String cookie) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static double p95(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)] / 1e6;
  }

  private static long[] concat(long[]... parts) {
    return Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray();
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }

}
