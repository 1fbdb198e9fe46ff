package nl.dialoogtafel.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Properties;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import nl.dialoogtafel.i18n.Messages;
import org.h2.mvstore.MVStore;

/**
 * A backup of the embedded store: a zip with the store's file and a small manifest.
 *
 * <p>Why it is consistent while the server writes on: H2's own online backup
 * ({@code FileStore.backup}) stops the store from reusing space while it copies the file, so
 * every chunk that was in the file when the copy began stays where it is; new commits are only
 * appended. The copy therefore opens at the last chunk it holds whole, a commit of one moment.
 * Every write acknowledged before the copy began was committed and forced to disk before its
 * acknowledgement ({@link DurableH2Backend}), so it is in that moment. The manifest keeps the store
 * version at the start, and a check of the copy ({@link StoreCheck}) refuses a copy that opens at
 * an older one.
 *
 * <p>No lock is held while copying: writers commit as usual, they only get appended space.
 */
public final class StoreBackup {

  /** The manifest's name in the zip; the store itself is {@link EmbeddedMongo#FILE_NAME}. */
  static final String MANIFEST = "dialoogtafel-backup.properties";
  /** A backup being made in the data folder; removed at start-up if a crash left one. */
  public static final String PART_SUFFIX = ".backup-part";
  /** What a restore refuses to unpack: far larger than any store this server is meant for. */
  private static final long MAX_STORE_BYTES = 64L * 1024 * 1024 * 1024;

  private StoreBackup() {}

  /** What a backup holds: its size, how long it took, and the store version it holds at least. */
  public record Made(long bytes, long millis, long version) {}

  /** Blocking. Writes the zip to {@code target} (made 600 first) and forces it to disk. */
  static Made write(MVStore store, Path target) throws IOException {
    long start = System.nanoTime();
    long version = store.getFileStore().lastChunkVersion();
    Files.deleteIfExists(target);
    DataFolder.newPrivateFile(target);
    try (OutputStream file = Files.newOutputStream(target, StandardOpenOption.WRITE);
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file, 1 << 16))) {
      // The fastest level: it still halves a store, and keeps the cores for the live rooms.
      zip.setLevel(Deflater.BEST_SPEED);
      store.getFileStore().backup(zip);
      zip.putNextEntry(new ZipEntry(MANIFEST));
      Properties manifest = new Properties();
      manifest.setProperty("format", "1");
      manifest.setProperty("version", Long.toString(version));
      manifest.setProperty("made", Instant.now().toString());
      manifest.store(zip, "Dialoogtafel backup");
      zip.closeEntry();
    }
    try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    return new Made(Files.size(target), (System.nanoTime() - start) / 1_000_000, version);
  }

  /** What {@link #unpack} found: the store file written, and the version its manifest promises. */
  public record Unpacked(Path store, long version, String made) {}

  /**
   * Blocking. Unpacks a backup's store into {@code folder} (which must exist) as
   * {@link EmbeddedMongo#FILE_NAME}, made 600. Refuses a zip that holds anything else, or no store,
   * or no manifest, with {@link Refused} (its message is Dutch and names no data).
   */
  public static Unpacked unpack(Path backup, Path folder) throws IOException {
    Path store = folder.resolve(EmbeddedMongo.FILE_NAME);
    Properties manifest = null;
    boolean storeFound = false;
    try (InputStream in = Files.newInputStream(backup); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        // Exact names only: nothing in a zip may choose where it is written.
        if (entry.getName().equals(EmbeddedMongo.FILE_NAME) && !storeFound) {
          DataFolder.newPrivateFile(store);
          copyLimited(zip, store);
          storeFound = true;
        } else if (entry.getName().equals(MANIFEST) && manifest == null) {
          manifest = new Properties();
          manifest.load(new StringReader(new String(zip.readNBytes(64 * 1024), StandardCharsets.ISO_8859_1)));
        } else {
          throw new Refused("backup.refused.foreign");
        }
      }
    } catch (Refused e) {
      Files.deleteIfExists(store);
      throw e;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(store);
      throw new Refused("backup.refused.unreadable", e.getClass().getSimpleName());
    }
    if (!storeFound || manifest == null) {
      Files.deleteIfExists(store);
      throw new Refused("backup.refused.incomplete");
    }
    try {
      return new Unpacked(store, Long.parseLong(manifest.getProperty("version", "")), manifest.getProperty("made", "?"));
    } catch (NumberFormatException e) {
      Files.deleteIfExists(store);
      throw new Refused("backup.refused.manifest");
    }
  }

  /** A file that is not a (whole) backup; the message says why, in Dutch, for the operator. */
  public static final class Refused extends IOException {
    Refused(String key, Object... args) {
      super(Messages.text(Messages.DUTCH, key, args));
    }
  }

  private static void copyLimited(InputStream in, Path target) throws IOException {
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
      byte[] buffer = new byte[1 << 16];
      long total = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
        if (total > MAX_STORE_BYTES) {
          throw new Refused("backup.refused.too_large");
        }
        out.write(buffer, 0, n);
      }
    }
    try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /** Removes backups a crash left half-made in the data folder: they hold personal data. */
  static void removeLeftovers(Path dataDir) throws IOException {
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(dataDir, "*" + PART_SUFFIX)) {
      for (Path part : parts) {
        Files.deleteIfExists(part);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
