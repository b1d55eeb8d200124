/* Built by the Makefile's target floods_output (see it). */
