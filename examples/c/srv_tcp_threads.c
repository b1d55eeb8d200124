/* A TCP server in C with a POSIX thread per client (the threads model of the handout's part 3):
 * one process, a detached thread per connection answering "Message received" until "end" or close.
 * Check it with:  ./sockspec check examples/c/srv_tcp_threads.c --as tcp-threads */
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define PORT 12800
#define ANSWER "Message received"

static void *serve(void *arg) {
    int conn = (int)(intptr_t)arg;
    char buf[1024];
    for (;;) {
        ssize_t n = recv(conn, buf, sizeof buf, 0);
        if (n <= 0) {
            break;
        }
        send(conn, ANSWER, strlen(ANSWER), 0);
        printf("Received %.*s\n", (int)n, buf);
        fflush(stdout);
        if (n == 3 && memcmp(buf, "end", 3) == 0) {
            break;
        }
    }
    close(conn);
    return NULL;
}

int main(void) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(PORT), .sin_addr.s_addr = INADDR_ANY};
    if (s < 0 || bind(s, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(s, 5) < 0) {
        perror("srv_tcp_threads");
        return 1;
    }
    printf("The server now listens on the port %d\n", PORT);
    fflush(stdout);
    for (;;) {
        int conn = accept(s, NULL, NULL);
        if (conn < 0) {
            continue;
        }
        pthread_t thread;
        if (pthread_create(&thread, NULL, serve, (void *)(intptr_t)conn) != 0) {
            close(conn);
            continue;
        }
        pthread_detach(thread);
    }
}
