/* The lab's single-threaded TCP server with an unused variable: it builds, with a warning. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define PORT 12800
#define ANSWER "Message received"

int main(void) {
    int unused = 0;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(PORT), .sin_addr.s_addr = INADDR_ANY};
    if (s < 0 || bind(s, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(s, 1) < 0) {
        perror("srv_tcp");
        return 1;
    }
    printf("The server now listens on the port %d\n", PORT);
    fflush(stdout);

    struct sockaddr_in remote;
    socklen_t len = sizeof remote;
    int conn = accept(s, (struct sockaddr *)&remote, &len);
    if (conn < 0) {
        perror("accept");
        return 1;
    }
    printf("The server is now connected to the client socket ('%s', %d)\n", inet_ntoa(remote.sin_addr),
           ntohs(remote.sin_port));
    fflush(stdout);

    char buf[1024];
    for (;;) {
        ssize_t n = recv(conn, buf, sizeof buf, 0);
        if (n <= 0) {
            break; /* the client closed the connection without saying "end" */
        }
        send(conn, ANSWER, strlen(ANSWER), 0);
        printf("Received %.*s from the client\n", (int)n, buf);
        fflush(stdout);
        if (n == 3 && memcmp(buf, "end", 3) == 0) {
            break;
        }
    }
    printf("Closing the connection\n");
    close(conn);
    close(s);
    return 0;
}
