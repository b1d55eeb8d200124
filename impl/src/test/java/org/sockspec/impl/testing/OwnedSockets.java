package org.sockspec.impl.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What {@code lsof -i} shows, read from {@code /proc/net/tcp} and {@code /proc/PID/fd} of this JVM
 * and its descendants (the programs under test are those): which process owns which TCP socket.
 * Linux only.
 */
public final class OwnedSockets {

    private static final int ESTABLISHED = 0x01;
    private static final int LISTEN = 0x0A;

    /** One line of /proc/net/tcp: local and remote ports, state, inode. */
    record Entry(int localPort, int remotePort, int state, long inode) {
    }

    private OwnedSockets() {
    }

    /** The pid owning the server side of the connection from {@code clientPort}, if any. */
    public static Optional<Long> ownerOfServerSide(int serverPort, int clientPort) {
        return entries().stream()
                .filter(e -> e.state() == ESTABLISHED && e.localPort() == serverPort
                        && e.remotePort() == clientPort)
                .findFirst().flatMap(e -> ownerOf(e.inode()));
    }

    /** The pids owning a socket that listens on {@code port}. */
    public static Set<Long> listenersOn(int port) {
        return entries().stream().filter(e -> e.state() == LISTEN && e.localPort() == port)
                .map(e -> ownerOf(e.inode())).flatMap(Optional::stream)
                .collect(Collectors.toSet());
    }

    /**
     * The inodes of the sockets listening on {@code port}: they name one socket while it is
     * open, unlike the port, which another test may take as soon as it is free.
     */
    public static Set<Long> listeningSockets(int port) {
        return entries().stream().filter(e -> e.state() == LISTEN && e.localPort() == port)
                .map(Entry::inode).collect(Collectors.toSet());
    }

    static List<Entry> entries() {
        try {
            List<Entry> entries = new ArrayList<>();
            List<String> lines = Files.readAllLines(Path.of("/proc/net/tcp"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                entries.add(new Entry(port(f[1]), port(f[2]), Integer.parseInt(f[3], 16),
                        Long.parseLong(f[9])));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int port(String hexAddress) {
        return Integer.parseInt(hexAddress.substring(hexAddress.indexOf(':') + 1), 16);
    }

    private static Optional<Long> ownerOf(long inode) {
        String link = "socket:[" + inode + "]";
        return Stream.concat(Stream.of(ProcessHandle.current()),
                        ProcessHandle.current().descendants())
                .map(ProcessHandle::pid)
                .filter(pid -> holds(pid, link)).findFirst();
    }

    private static boolean holds(long pid, String link) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals(link);
                } catch (IOException gone) {
                    return false;
                }
            });
        } catch (NoSuchFileException exited) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
