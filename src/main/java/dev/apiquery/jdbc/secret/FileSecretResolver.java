package dev.apiquery.jdbc.secret;

import dev.apiquery.spi.SecretResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@code ${file:/path}}: the content of a file, UTF-8, trimmed (files written by editors and {@code
 * echo} end with a newline that is never part of the secret). A leading {@code ~/} means the user's
 * home folder. Only regular files up to {@value #MAX_BYTES} bytes are read, so that a typo such as
 * {@code /dev/zero} fails instead of exhausting memory.
 */
public final class FileSecretResolver implements SecretResolver {
  static final int MAX_BYTES = 1 << 20;

  @Override
  public String scheme() {
    return "file";
  }

  @Override
  public String resolve(String reference) {
    String name = reference.strip();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("no file path");
    }
    if (name.equals("~") || name.startsWith("~/")) {
      name = System.getProperty("user.home") + name.substring(1);
    }
    Path path;
    try {
      path = Path.of(name);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("invalid file path " + name);
    }
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("file " + path + " does not exist or is not a file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      // the message of an IOException names the file and the reason, never its content
      throw new IllegalArgumentException("cannot read file " + path + ": " + e.getMessage());
    }
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "file " + path + " is larger than " + MAX_BYTES + " bytes");
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return text.strip();
  }
}
