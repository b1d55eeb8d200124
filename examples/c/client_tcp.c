/* The lab's TCP client in C (handout, part 1): client_tcp HOST. Reads lines at the "> " prompt,
 * sends each (without its newline), prints the answer, until it sent "end" or its input ends.
 * Check it with:  ./sockspec check examples/c/client_tcp.c --as client-tcp */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define PORT "12800"

int main(int argc, char **argv) {
    if (argc != 2) {
        printf("Only one argument: the dest hostname/IP address as string\n");
        return 2;
    }
    struct addrinfo hints = {.ai_family = AF_INET, .ai_socktype = SOCK_STREAM}, *server;
    if (getaddrinfo(argv[1], PORT, &hints, &server) != 0) {
        fprintf(stderr, "client_tcp: unknown host %s\n", argv[1]);
        return 1;
    }
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(s, server->ai_addr, server->ai_addrlen) < 0) {
        perror("client_tcp: connect"); /* "Connection refused" with no server */
        return 1;
    }
    printf("TCP Socket established with server socket (%s, %s)\n", argv[1], PORT);
    char line[1024], answer[1024];
    for (;;) {
        printf("> ");
        fflush(stdout);
        if (!fgets(line, sizeof line, stdin)) {
            printf("\n");
            break;
        }
        line[strcspn(line, "\n")] = '\0';
        send(s, line, strlen(line), 0);
        ssize_t n = recv(s, answer, sizeof answer, 0);
        if (n <= 0) {
            fprintf(stderr, "client_tcp: the server closed the connection\n");
            return 1;
        }
        printf("Server tells you %.*s\n", (int)n, answer);
        if (strcmp(line, "end") == 0) {
            break;
        }
    }
    printf("Closing the TCP Socket\n");
    close(s);
    return 0;
}
