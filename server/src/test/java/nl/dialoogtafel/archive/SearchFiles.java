package nl.dialoogtafel.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Every file of a folder as one string of bytes, to look for words as someone with the disk would. */
final class SearchFiles {

  private SearchFiles() {}

  static String read(Path folder) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        try {
          all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
        } catch (java.nio.file.NoSuchFileException merged) {
          // Merged away while we walked: nothing left to read there.
        }
      }
    }
    return all.toString();
  }
}
