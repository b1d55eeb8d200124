package org.sockspec.catalogue;

/** Texts of the handout the catalogue sends. */
final class HandoutText {
  /**
   * The long text of question 2.4, which students send in one datagram to see it cut to the UDP
   * server's 50-byte receive buffer ({@value #LONG_TEXT_LENGTH} bytes, all ASCII).
   */
  static final String LONG_TEXT =
      "Sometimes an application on a network needs to send messages to a specific application or "
      + "process on another network. The UDP provides a datagram means of communication between "
      + "applications on Internet hosts. Because senders do not know which processes are active at "
      + "any given moment, UDP uses destination protocol ports (or abstract destination points "
      + "within a machine), identified by positive integers, to send messages to one of multiple "
      + "destinations on a host. The protocol ports receive and hold messages in queues until "
      + "applications on the receiving network can retrieve them. Because UDP relies on the "
      + "underlying IP to send its datagrams, UDP provides the same connectionless message delivery "
      + "as IP. It offers no assurance of datagram delivery or duplication protection. However, UDP "
      + "does allow the sender to specify source and destination port numbers for the message and "
      + "calculates a checksum of both the data and header. These two features allow the sending and "
      + "receiving applications to ensure the correct delivery of a message.";

  static final int LONG_TEXT_LENGTH = 1039;

  /** Its first 50 bytes: what the handout's server, with {@code recvfrom(50)}, receives of it. */
  static final String FIRST_50_BYTES = "Sometimes an application on a network needs to sen";

  /**
   * A text longer than {@code buffer} bytes by a hundred at least, within {@code most}: the long text,
   * or, for a larger buffer, the long text over and over (ASCII, so Python prints it as it is).
   */
  static String longerThan(int buffer, int most) {
    StringBuilder text = new StringBuilder(LONG_TEXT);
    while (text.length() < buffer + 100 && text.length() < most) {
      text.append(' ').append(LONG_TEXT);
    }
    return text.substring(0, Math.min(text.length(), most));
  }

  private HandoutText() {}
}
