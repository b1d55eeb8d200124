package org.sockspec.impl;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.sockspec.impl.fork.ForkServer;
import org.sockspec.impl.multi.SelectServer;
import org.sockspec.impl.multi.ThreadsServer;
import org.sockspec.impl.tcp.TcpClient;
import org.sockspec.impl.tcp.TcpServer;
import org.sockspec.impl.udp.UdpClient;
import org.sockspec.impl.udp.UdpServer;

/**
 * The sub-commands of {@code sockspec-impl.jar}, one per lab program, named as the handout's
 * Python files are (without {@code .py}).
 */
public enum Command {
    SRV_TCP("srv_tcp", Role.SERVER,
            "single-client TCP server: serves one client, exits after its 'end'", TcpServer::new),
    CLIENT_TCP("client_tcp", Role.CLIENT,
            "TCP client: sends each line typed at the '> ' prompt, prints the answer", TcpClient::new),
    SRV_UDP("srv_udp", Role.SERVER,
            "UDP server with a 50-byte receive buffer, exits after an 'end' datagram", UdpServer::new),
    CLIENT_UDP("client_udp", Role.CLIENT,
            "UDP client: sends each line typed at the '> ' prompt, prints the answer", UdpClient::new),
    SRV_TCP_FORK("srv_tcp_fork", Role.SERVER,
            "multi-client TCP server, one OS process per connected client", ForkServer::new),
    SRV_TCP_SELECT("srv_tcp_select", Role.SERVER,
            "multi-client TCP server, one thread waiting on all sockets with a selector",
            SelectServer::new),
    SRV_TCP_THREADS("srv_tcp_threads", Role.SERVER,
            "multi-client TCP server, one thread per connected client", ThreadsServer::new);

    /** Servers take {@code --answer}; clients take one HOST argument. */
    public enum Role { SERVER, CLIENT }

    private final String cliName;
    private final Role role;
    private final String summary;
    private final Function<Options, Program> factory;

    Command(String cliName, Role role, String summary, Function<Options, Program> factory) {
        this.cliName = cliName;
        this.role = role;
        this.summary = summary;
        this.factory = factory;
    }

    /** The sub-command's name on the command line, e.g. {@code srv_tcp}. */
    public String cliName() {
        return cliName;
    }

    public Role role() {
        return role;
    }

    /** One line saying what the program does. */
    public String summary() {
        return summary;
    }

    /** The program configured by {@code options}, whose {@link Options#command()} must be this. */
    public Program create(Options options) {
        if (options.command() != this) {
            throw new IllegalArgumentException(options.command() + " options given to " + this);
        }
        return factory.apply(options);
    }

    /** The sub-command called {@code name} on the command line, if there is one. */
    public static Optional<Command> named(String name) {
        return Arrays.stream(values()).filter(c -> c.cliName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return cliName;
    }
}
