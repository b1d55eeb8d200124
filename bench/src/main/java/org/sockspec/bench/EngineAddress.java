package org.sockspec.bench;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a container engine answers, as Docker's own clients take it: {@code unix:///path/to.sock},
 * or {@code tcp://host:port}, with TLS when {@code tls} names a certificate folder holding
 * {@code ca.pem}, {@code cert.pem} and {@code key.pem} (what {@code DOCKER_CERT_PATH} names). Its
 * text, {@code URL [tls=DIR]}, is how an engine is named on an engines file's line and in the
 * configuration parameter {@code sockspec.engine}.
 *
 * @param url the engine's URL
 * @param tls the certificate folder for TLS; null for none
 */
public record EngineAddress(URI url, Path tls) {
  /** The files of a certificate folder, as Docker's clients name them. */
  public static final List<String> TLS_FILES = List.of("ca.pem", "cert.pem", "key.pem");

  public EngineAddress {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    switch (scheme) {
      case "unix" -> {
        if (url.getPath() == null || !url.getPath().startsWith("/") || url.getAuthority() != null) {
          throw new IllegalArgumentException("'" + url + "' is not a socket path: write unix:///path/to/docker.sock "
              + "(three slashes, an absolute path).");
        }
        if (tls != null) {
          throw new IllegalArgumentException("tls= is for tcp:// engines; " + url + " is a local socket.");
        }
      }
      case "tcp" -> {
        if (url.getHost() == null || url.getPort() < 1) {
          throw new IllegalArgumentException("'" + url + "' needs a host and a port: tcp://HOST:PORT "
              + "(Docker's TLS port is 2376).");
        }
      }
      default -> throw new IllegalArgumentException("'" + url + "' is not an engine URL: say unix:///path/to/docker.sock "
          + "or tcp://HOST:PORT (with tls=CERT-FOLDER).");
    }
    if (tls != null) {
      Path folder = tls.toAbsolutePath().normalize();
      List<String> missing = TLS_FILES.stream().filter(name -> !Files.isReadable(folder.resolve(name))).toList();
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException("the certificate folder " + folder + " lacks " + String.join(", ", missing)
            + ": it must hold " + String.join(", ", TLS_FILES) + " (as DOCKER_CERT_PATH does for the docker command).");
      }
      tls = folder;
    }
  }

  /**
   * Reads {@code URL [tls=DIR]}.
   *
   * @throws IllegalArgumentException saying what is wrong, for a person to fix
   */
  public static EngineAddress parse(String text) {
    List<String> words = new ArrayList<>(List.of(text.trim().split("\\s+")));
    if (words.get(0).isEmpty()) {
      throw new IllegalArgumentException("no engine URL: say unix:///path/to/docker.sock or tcp://HOST:PORT.");
    }
    URI url;
    try {
      url = new URI(words.remove(0));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + text.trim() + "' does not start with an engine URL (" + e.getReason()
          + "): say unix:///path/to/docker.sock or tcp://HOST:PORT.", e);
    }
    Path tls = null;
    for (String word : words) {
      if (word.startsWith("tls=") && word.length() > 4 && tls == null) {
        tls = Path.of(word.substring(4));
      } else {
        throw new IllegalArgumentException("'" + word + "' after " + url + " is not understood: an engine is "
            + "its URL, then optionally tls=CERT-FOLDER for a tcp:// engine.");
      }
    }
    return new EngineAddress(url, tls);
  }

  /** {@code URL [tls=DIR]}: what {@link #parse} reads back. */
  public String text() {
    return url + (tls == null ? "" : " tls=" + tls);
  }

  /** Whether it is reached without TLS over a network. */
  public boolean plainTcp() {
    return url.getScheme().equalsIgnoreCase("tcp") && tls == null;
  }

  @Override
  public String toString() {
    return text();
  }
}
