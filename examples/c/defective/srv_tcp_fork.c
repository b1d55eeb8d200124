/* DEFECTIVE: the fork server that never reaps its children: each client that leaves leaves a
 * zombie (state Z, <defunct>) behind. mtcp.fork.no-zombies fails.
 * Check it with:  ./sockspec check examples/c/defective/srv_tcp_fork.c --as tcp-fork */
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define PORT 12800
#define ANSWER "Message received"

static void serve(int conn) {
    char buf[1024];
    for (;;) {
        ssize_t n = recv(conn, buf, sizeof buf, 0);
        if (n <= 0) {
            break;
        }
        send(conn, ANSWER, strlen(ANSWER), 0);
        printf("[%d] Received %.*s\n", (int)getpid(), (int)n, buf);
        fflush(stdout);
        if (n == 3 && memcmp(buf, "end", 3) == 0) {
            break;
        }
    }
    close(conn);
}

int main(void) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(PORT), .sin_addr.s_addr = INADDR_ANY};
    if (s < 0 || bind(s, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(s, 5) < 0) {
        perror("srv_tcp_fork");
        return 1;
    }
    printf("The server now listens on the port %d\n", PORT);
    fflush(stdout);
    for (;;) {
        int conn = accept(s, NULL, NULL);
        if (conn < 0) {
            if (errno == EINTR) {
                continue;
            }
            perror("accept");
            return 1;
        }
        pid_t child = fork();
        if (child == 0) {
            close(s);
            serve(conn);
            _exit(0);
        }
        close(conn); /* the child has its own copy; the parent goes back to accept() */
    }
}
