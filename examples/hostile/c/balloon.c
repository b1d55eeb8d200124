/* HOSTILE (issue 24): a compiled memory balloon: 2 GB touched page by page before it listens.
 * The sandbox's memory limit must stop it, as it stops a Python one: "limit (memory limit)". */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void) {
    for (int i = 0; i < 2048; i++) {
        char *mb = malloc(1 << 20);
        if (mb == NULL) {
            return 1;
        }
        memset(mb, i, 1 << 20);
    }
    pause();
    return 0;
}
