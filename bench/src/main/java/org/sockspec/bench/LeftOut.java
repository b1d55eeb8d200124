package org.sockspec.bench;

/**
 * A file of a submission's folder that the kit did not copy into the sandbox, and why. The copy
 * never opens anything outside the folder (see {@code SubmissionCopy}): a link is followed only to
 * a file inside it, and special files are never opened, since opening a FIFO blocks.
 *
 * @param path the entry's path inside the folder, as the student named it ({@code notes.txt})
 * @param reason why it was left out
 * @param detail the link's own text, as the student wrote it ("../../etc/passwd"), or empty; never
 *     the resolved path, which would show the grader's folders
 */
public record LeftOut(String path, Reason reason, String detail) {

  /** Why an entry was not copied. */
  public enum Reason {
    /** A symbolic link whose target, once every link is resolved, is outside the folder. */
    LINK_OUTSIDE("a link to a file outside the submission"),
    /** A symbolic link to nothing. */
    LINK_DANGLING("a link to a file that does not exist"),
    /** A symbolic link that never resolves: a loop of links. */
    LINK_LOOP("a loop of links"),
    /** A symbolic link to a folder (the folder's own files are copied under their own names). */
    LINK_TO_FOLDER("a link to a folder"),
    /** A FIFO, socket or device: never opened. */
    SPECIAL_FILE("not a regular file (a FIFO, socket or device)"),
    /** A file or folder the grader's user cannot read. */
    UNREADABLE("a file that cannot be read");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    /** "a link to a file outside the submission": how reports name it. */
    public String description() {
      return description;
    }
  }

  public LeftOut {
    detail = detail == null ? "" : detail;
  }

  /** "notes.txt: a link to a file outside the submission (/etc/passwd)": one line of a report. */
  public String describe() {
    return path + ": " + reason.description() + (detail.isEmpty() ? "" : " (" + detail + ")");
  }
}
