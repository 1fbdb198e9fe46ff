package nl.dialoogtafel.loadtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;

/**
 * A seeded archive kept in a folder of one's choosing ({@code ARCHIVE_BENCH_SEED}), so the bar's size
 * (20,000 sessions: ~15 minutes of seeding) is seeded once and measured many times. The folder holds
 * the store ({@code data/}) and, written last, a marker naming the size (and seeder's format) it was seeded for and the
 * head of the big record; each run copies the store into its own fresh data folder, so the kept
 * one is never started on (no search index, no kept folds, no PDFs in it: every run meets the
 * archive as a first start does).
 */
final class KeptSeed {

  static final String ENV = "ARCHIVE_BENCH_SEED";
  /**
   * Raised when what the seeder writes changes: 2 — the embedded store without secondary indexes
   * (a store seeded before has them, and its first start drops them: not a first start to measure).
   */
  static final String FORMAT = "2";
  private static final String MARKER = "seeded.properties";

  private final Path folder;
  private final int sessions;
  private final int events;

  private KeptSeed(Path folder, int sessions, int events) {
    this.folder = folder;
    this.sessions = sessions;
    this.events = events;
  }

  /** The kept seed named by the environment, for this size; empty when none is asked for. */
  static Optional<KeptSeed> fromEnv(int sessions, int events) {
    String dir = System.getenv(ENV);
    return dir == null || dir.isBlank() ? Optional.empty()
        : Optional.of(new KeptSeed(Path.of(dir).toAbsolutePath(), sessions, events));
  }

  /** The marker of a completed seed of this size, or empty (none, unfinished or of another size). */
  Optional<Properties> completed() throws IOException {
    Path marker = folder.resolve(MARKER);
    if (!Files.isRegularFile(marker)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(marker)) {
      p.load(in);
    }
    boolean same = String.valueOf(sessions).equals(p.getProperty("sessions"))
        && String.valueOf(events).equals(p.getProperty("events")) && FORMAT.equals(p.getProperty("format"));
    return same ? Optional.of(p) : Optional.empty();
  }

  /** Clears what an earlier seed left here (its marker first) and gives the empty store folder to seed into. */
  Path begin() throws IOException {
    Files.createDirectories(folder);
    Files.deleteIfExists(folder.resolve(MARKER));
    Path data = folder.resolve("data");
    if (Files.exists(data)) {
      try (var paths = Files.walk(data)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(data);
    return data;
  }

  /** Writes the marker, last: only a seed that ran to its end is reused. */
  void complete(Properties facts) throws IOException {
    facts.setProperty("sessions", String.valueOf(sessions));
    facts.setProperty("events", String.valueOf(events));
    facts.setProperty("format", FORMAT);
    Path tmp = folder.resolve(MARKER + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      facts.store(out, "ArchiveBenchmark seed; the store is in data/");
    }
    Files.move(tmp, folder.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Copies the kept store into a run's fresh data folder (the kept one stays as it was). */
  void copyTo(Path dataDir) throws IOException {
    Path data = folder.resolve("data");
    try (var paths = Files.walk(data)) {
      for (Path p : paths.sorted().toList()) {
        Path target = dataDir.resolve(data.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @Override
  public String toString() {
    return folder.toString();
  }
}
