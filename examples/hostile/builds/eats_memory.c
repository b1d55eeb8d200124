/* Built by the Makefile's target eats_memory (see it). */
