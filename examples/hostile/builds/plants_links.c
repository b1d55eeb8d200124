/* Built by the Makefile's target plants_links (see it). */
