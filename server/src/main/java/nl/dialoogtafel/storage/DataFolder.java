package nl.dialoogtafel.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data folder holds names, phone numbers and e-mail addresses until retention removes them,
 * so only the user the server runs as may read it: the folder 700, every file in it 600. Set when
 * something is made, and tightened at start-up for a folder made by an earlier version (or by a
 * restore or a copy made with a looser umask). On a file system without POSIX permissions
 * (Windows) this does nothing: there the folder's ACLs decide.
 */
public final class DataFolder {

  private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private DataFolder() {}

  /** Makes the folder (700) or tightens an existing one: itself 700, its files 600, its folders 700. */
  public static void secure(Path folder) throws IOException {
    makePrivate(folder);
    if (!POSIX) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        if (Files.isSymbolicLink(entry)) {
          continue; // never change what a link points to outside the folder
        }
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          secure(entry);
        } else {
          Files.setPosixFilePermissions(entry, FILE);
        }
      }
    }
  }

  /** The folder and any missing parents; the folder itself 700. */
  public static void makePrivate(Path folder) throws IOException {
    if (!POSIX) {
      Files.createDirectories(folder);
      return;
    }
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
    }
    Files.setPosixFilePermissions(folder, FOLDER);
  }

  /** An empty file only its owner may read and write, made so from its first moment (no window at 644). */
  public static Path newPrivateFile(Path file) throws IOException {
    if (!POSIX) {
      return Files.createFile(file);
    }
    return Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
  }

  /** Makes a file that exists 600 (a file written by a library that does not ask). */
  public static void restrict(Path file) throws IOException {
    if (POSIX) {
      Files.setPosixFilePermissions(file, FILE);
    }
  }
}
