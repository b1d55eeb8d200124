/* The lab's select server in C (handout, part 3): one process, one thread, one select() on the
 * listening socket and every client; "Message received" to each message; "end" closes that client.
 * Check it with:  ./sockspec check examples/c/srv_tcp_select.c --as tcp-select */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

#define PORT 12800
#define ANSWER "Message received"

int main(void) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(PORT), .sin_addr.s_addr = INADDR_ANY};
    if (s < 0 || bind(s, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(s, 5) < 0) {
        perror("srv_tcp_select");
        return 1;
    }
    printf("The server now listens on the port %d\n", PORT);
    fflush(stdout);
    fd_set all;
    FD_ZERO(&all);
    FD_SET(s, &all);
    int top = s;
    for (;;) {
        fd_set ready = all;
        if (select(top + 1, &ready, NULL, NULL, NULL) < 0) {
            perror("select");
            return 1;
        }
        for (int fd = 0; fd <= top; fd++) {
            if (!FD_ISSET(fd, &ready)) {
                continue;
            }
            if (fd == s) {
                int conn = accept(s, NULL, NULL);
                if (conn >= 0 && conn < FD_SETSIZE) {
                    FD_SET(conn, &all);
                    top = conn > top ? conn : top;
                } else if (conn >= 0) {
                    close(conn);
                }
                continue;
            }
            char buf[1024];
            ssize_t n = recv(fd, buf, sizeof buf, 0);
            if (n > 0) {
                send(fd, ANSWER, strlen(ANSWER), 0);
                printf("Received %.*s\n", (int)n, buf);
                fflush(stdout);
            }
            if (n <= 0 || (n == 3 && memcmp(buf, "end", 3) == 0)) {
                FD_CLR(fd, &all);
                close(fd);
            }
        }
    }
}
