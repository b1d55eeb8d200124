/* Built by the Makefile's target loops (see it). */
