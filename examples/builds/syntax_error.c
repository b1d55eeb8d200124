/* A server with a typo: it does not build (a missing semicolon, an undeclared name). */
#include <stdio.h>
#include <sys/socket.h>

int main(void) {
    int s = socket(AF_INET, SOCK_STREAM, 0)
    printf("The server now listens on the port %d\n", PORT);
    return s;
}
