package org.sockspec.bench.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * An in-memory tar of files owned by root and readable by all, writable by none but root: what the
 * kit copies into images. Entries are sorted and carry a fixed time, so the same files always make
 * the same bytes, and the same image tag.
 */
public final class TarArchive {
  private final SortedMap<String, byte[]> files = new TreeMap<>();
  private final SortedMap<String, Boolean> executable = new TreeMap<>();

  public TarArchive add(String path, byte[] content, boolean isExecutable) {
    files.put(path, content);
    executable.put(path, isExecutable);
    return this;
  }

  /** The paths it holds, sorted. */
  public java.util.Set<String> paths() {
    return java.util.Collections.unmodifiableSet(files.keySet());
  }

  /** Whether the file at {@code path} is executable (mode 755). */
  public boolean isExecutable(String path) {
    return Boolean.TRUE.equals(executable.get(path));
  }

  /** The content at {@code path}, or null when there is none. */
  public byte[] content(String path) {
    return files.get(path);
  }

  public boolean isEmpty() {
    return files.isEmpty();
  }

  /** A digest of the paths and contents, for content-derived image tags. */
  public byte[] fingerprint() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      all.writeBytes(file.getKey().getBytes(StandardCharsets.UTF_8));
      all.write(0);
      all.writeBytes(file.getValue());
      all.write(executable.get(file.getKey()) ? 1 : 0);
    }
    return all.toByteArray();
  }

  public byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(file.getValue().length);
        entry.setMode(executable.get(file.getKey()) ? 0755 : 0644);
        entry.setIds(0, 0);
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
        tar.closeArchiveEntry();
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
