/* HOSTILE (issue 24): a compiled fork bomb. The sandbox's process limit must stop it, as it stops
 * a Python one: "limit (process limit)". */
#include <unistd.h>

int main(void) {
    for (;;) {
        fork();
    }
}
