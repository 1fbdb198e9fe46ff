package nl.dialoogtafel.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.dialoogtafel.app.Server;
import nl.dialoogtafel.app.Settings;
import nl.dialoogtafel.support.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data folder holds phone numbers until retention: only the server's own user may read it.
 * A real server on a folder of the test's own, so the test can look at what it made.
 */
class DataFolderTest {

  @TempDir
  Path dir;

  @BeforeEach
  void posixOnly() {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
  }

  @Test
  @DisplayName("a new data folder is made 700 and every file the server writes in it 600, also after a rewrite")
  void newFolderIsPrivate() throws Exception {
    Path data = dir.resolve("nieuw").resolve("data");
    try (Server server = Server.start(settings(data))) {
      assertEquals("rwx------", mode(data));
      Map<String, String> files = modes(data);
      assertEquals("rw-------", files.get("dialoogtafel.mv.db"), files.toString());
      assertEquals("rw-------", files.get("backup.key"), files.toString());
      allPrivate(files);

      server.database().compactStorage().toCompletionStage().toCompletableFuture().get();
      allPrivate(modes(data));
      assertEquals("rw-------", modes(data).get("dialoogtafel.mv.db"));
    }
  }

  @Test
  @DisplayName("a data folder left 755 with files 644 (an older version, a loose umask) is tightened at start")
  void existingFolderIsTightened() throws Exception {
    Path data = dir.resolve("data");
    Server.start(settings(data)).close();
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(data.resolve("dialoogtafel.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
    Path oldNote = Files.writeString(data.resolve("notitie.txt"), "gemaakt met umask 022");
    Files.setPosixFilePermissions(oldNote, PosixFilePermissions.fromString("rw-rw-rw-"));
    Path sub = Files.createDirectories(data.resolve("oud"));
    Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));

    try (Server server = Server.start(settings(data))) {
      assertEquals("rwx------", mode(data));
      assertEquals("rwx------", mode(sub));
      Map<String, String> files = modes(data);
      assertEquals("rw-------", files.get("dialoogtafel.mv.db"), files.toString());
      assertEquals("rw-------", files.get("notitie.txt"), files.toString());
    }
  }

  private static void allPrivate(Map<String, String> files) {
    files.forEach((name, mode) -> assertEquals("rw-------", mode, name + " in " + files));
  }

  private static Settings settings(Path data) {
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "0");
    env.put("HOST", "127.0.0.1");
    env.put("DIALOOG_DATA_DIR", data.toString());
    env.put("DIALOOG_ADMIN", TestServer.ADMIN + ":" + TestServer.PASSWORD);
    env.put("DIALOOG_TEMPLATES_DIR", System.getenv().getOrDefault("DIALOOG_TEMPLATES_DIR", "../session-templates"));
    return Settings.from(env);
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  /** Every regular file directly in the folder, by name. */
  private static Map<String, String> modes(Path folder) throws Exception {
    Map<String, String> modes = new TreeMap<>();
    try (Stream<Path> entries = Files.list(folder)) {
      for (Path entry : entries.filter(Files::isRegularFile).toList()) {
        modes.put(entry.getFileName().toString(), mode(entry));
      }
    }
    return modes;
  }
}
