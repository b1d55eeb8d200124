/* Built by the Makefile's target kills_all (see it). */
