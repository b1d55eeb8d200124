/* DEFECTIVE: a select server that, once select() says a client has data, reads that client in a
 * loop until it leaves: blocked in recv() on one client, it serves one client at a time though it
 * uses select. mtcp.concurrent fails (B and C wait), and the select spec sees no wait on all.
 * Check it with:  ./sockspec check examples/c/defective/srv_tcp_select.c --as tcp-select */
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
    fd_set all;
    FD_ZERO(&all);
    FD_SET(s, &all);
    int top = s;
    for (;;) {
        fd_set ready = all;
        if (select(top + 1, &ready, NULL, NULL, NULL) < 0) {
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
                }
                continue;
            }
            char buf[1024];
            ssize_t n;
            while ((n = recv(fd, buf, sizeof buf, 0)) > 0) { /* the defect: this client, to its end */
                send(fd, ANSWER, strlen(ANSWER), 0);
                if (n == 3 && memcmp(buf, "end", 3) == 0) {
                    break;
                }
            }
            FD_CLR(fd, &all);
            close(fd);
        }
    }
}
