/*
 * workshop_int.h - what the workshop files share (src/workshop/ only).
 */
#ifndef MOT_WORKSHOP_INT_H
#define MOT_WORKSHOP_INT_H

#include <stddef.h>

#include "workshop.h"

/* Two independent proportions: Newcombe's interval of their difference
 * (scenario minus baseline), as sim_unpaired_diff. */
void ws_unpaired_diff(const struct sim_result *b, const struct sim_result *s,
		      double *diff, double *lo, double *hi);

/* Touchpoint keys sorted for lookups: journeys may be large, so that
 * matching two of them stays O(n log n). */
struct ws_key {
	const char *key;
	size_t i;
};

/* The index of j's touchpoints (malloc'ed, n_touchpoints entries). */
struct ws_key *ws_tp_index(const struct mot_journey *j);
/* Touchpoint index of key in an index of n, or -1. */
long ws_tp_lookup(const struct ws_key *ix, size_t n, const char *key);

#endif
