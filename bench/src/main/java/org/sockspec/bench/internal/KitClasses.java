package org.sockspec.bench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The kit's own classes that run inside containers (the probe; the reference programs), taken
 * from wherever this JVM loaded them: a module's target/classes in a Maven build, its jar, or the
 * CLI's single jar. Only the one package tree is copied, never the whole class path.
 */
final class KitClasses {
  private KitClasses() {}

  /**
   * Adds every file under {@code packagePath} (e.g. {@code org/sockspec/probe/}) found next to
   * {@code anchor} to {@code tar}, under {@code targetDir}. Returns false when the anchor class is
   * not on the class path (for instance the reference programs, in a kit run without them).
   */
  static boolean addPackage(TarArchive tar, String anchor, String packagePath, String targetDir) {
    return collect(anchor, packagePath, (path, bytes) -> tar.add(targetDir + "/" + path, bytes, false));
  }

  /**
   * Adds a runnable jar of the package tree {@code packagePath} found next to {@code anchor} to
   * {@code tar} at {@code jarPath}, with {@code anchor} as its Main-Class. Returns false when the
   * anchor class is not on the class path.
   */
  static boolean addJar(TarArchive tar, String anchor, String packagePath, String jarPath) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.util.jar.Manifest manifest = new java.util.jar.Manifest();
    manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MAIN_CLASS, anchor);
    java.util.SortedMap<String, byte[]> entries = new java.util.TreeMap<>();
    if (!collect(anchor, packagePath, entries::put)) {
      return false;
    }
    try (java.util.jar.JarOutputStream jar = new java.util.jar.JarOutputStream(bytes, manifest)) {
      for (java.util.Map.Entry<String, byte[]> entry : entries.entrySet()) {
        JarEntry jarEntry = new JarEntry(entry.getKey());
        jarEntry.setTime(0); // same classes, same bytes, same image tag
        jar.putNextEntry(jarEntry);
        jar.write(entry.getValue());
        jar.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    tar.add(jarPath, bytes.toByteArray(), false);
    return true;
  }

  /**
   * What {@link #addPackage} and {@link #addJar} would copy, as a checksum: from a jar, each
   * entry's name, CRC and size, read from its directory without inflating anything; from a folder
   * of classes (a Maven build), each file's name and bytes. Empty when the anchor is not there.
   */
  static byte[] fingerprint(String anchor, String packagePath) {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    Path source = location(anchor);
    if (source == null) {
      return new byte[0];
    }
    try {
      if (Files.isDirectory(source)) {
        collect(anchor, packagePath, (path, bytes) -> {
          all.writeBytes(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
          all.writeBytes(bytes);
        });
      } else {
        try (JarFile jar = new JarFile(source.toFile())) {
          java.util.List<String> lines = new java.util.ArrayList<>();
          for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            JarEntry entry = entries.nextElement();
            if (!entry.isDirectory() && entry.getName().startsWith(packagePath)) {
              lines.add(entry.getName() + " " + entry.getCrc() + " " + entry.getSize());
            }
          }
          java.util.Collections.sort(lines);
          lines.forEach(line -> all.writeBytes((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all.toByteArray();
  }

  /** Where {@code anchor} was loaded from (a folder or a jar), or null when it is not on the class path. */
  static Path location(String anchor) {
    try {
      Class<?> type = Class.forName(anchor, false, KitClasses.class.getClassLoader());
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (ClassNotFoundException e) {
      return null;
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the kit's classes", e);
    }
  }

  private static boolean collect(String anchor, String packagePath,
      java.util.function.BiConsumer<String, byte[]> sink) {
    Class<?> type;
    try {
      type = Class.forName(anchor, false, KitClasses.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return false;
    }
    try {
      Path source = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(source)) {
        Path root = source.resolve(packagePath);
        try (Stream<Path> files = Files.walk(root)) {
          for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
            String relative = source.relativize(file).toString().replace('\\', '/');
            sink.accept(relative, Files.readAllBytes(file));
          }
        }
      } else {
        try (JarFile jar = new JarFile(source.toFile())) {
          for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            JarEntry entry = entries.nextElement();
            if (!entry.isDirectory() && entry.getName().startsWith(packagePath)) {
              try (InputStream in = jar.getInputStream(entry)) {
                sink.accept(entry.getName(), in.readAllBytes());
              }
            }
          }
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the kit's classes", e);
    }
  }
}
