/* The lab's UDP client in C (handout, part 2): client_udp HOST. An unconnected socket: each line
 * typed at the "> " prompt goes to HOST port 12800 with sendto, and the answer is printed, until it
 * sent "end" or its input ends. With no server the datagram still leaves and it waits for an answer.
 * Check it with:  ./sockspec check examples/c/client_udp.c --as client-udp */
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
    struct addrinfo hints = {.ai_family = AF_INET, .ai_socktype = SOCK_DGRAM}, *server;
    if (getaddrinfo(argv[1], PORT, &hints, &server) != 0) {
        fprintf(stderr, "client_udp: unknown host %s\n", argv[1]);
        return 1;
    }
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    char line[1024], answer[1024];
    for (;;) {
        printf("> ");
        fflush(stdout);
        if (!fgets(line, sizeof line, stdin)) {
            printf("\n");
            break;
        }
        line[strcspn(line, "\n")] = '\0';
        sendto(s, line, strlen(line), 0, server->ai_addr, server->ai_addrlen);
        ssize_t n = recvfrom(s, answer, sizeof answer, 0, NULL, NULL);
        if (n < 0) {
            perror("client_udp: recvfrom");
            return 1;
        }
        printf("Server tells you %.*s\n", (int)n, answer);
        if (strcmp(line, "end") == 0) {
            break;
        }
    }
    printf("Closing the UDP Socket\n");
    close(s);
    return 0;
}
