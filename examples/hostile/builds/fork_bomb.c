/* Built by the Makefile's target fork_bomb (see it). */
