/* The lab's UDP server in C (handout, part 2): recvfrom with a 50-byte buffer (a longer datagram is
 * cut), "Message received" to each sender, until a datagram "end".
 * Check it with:  ./sockspec check examples/c/srv_udp.c --as udp */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define PORT 12800
#define ANSWER "Message received"

int main(void) {
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(PORT), .sin_addr.s_addr = INADDR_ANY};
    if (s < 0 || bind(s, (struct sockaddr *)&addr, sizeof addr) < 0) {
        perror("srv_udp");
        return 1;
    }
    printf("The server now bound on the port %d\n", PORT);
    fflush(stdout);
    char buf[50];
    for (;;) {
        struct sockaddr_in from;
        socklen_t len = sizeof from;
        ssize_t n = recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&from, &len);
        if (n < 0) {
            perror("recvfrom");
            return 1;
        }
        sendto(s, ANSWER, strlen(ANSWER), 0, (struct sockaddr *)&from, len);
        printf("Received %.*s from client socket %s\n", (int)n, buf, inet_ntoa(from.sin_addr));
        fflush(stdout);
        if (n == 3 && memcmp(buf, "end", 3) == 0) {
            break;
        }
    }
    printf("Closing the UDP socket\n");
    close(s);
    return 0;
}
