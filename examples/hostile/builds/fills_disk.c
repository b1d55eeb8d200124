/* Built by the Makefile's target fills_disk (see it). */
