/*
 * bench_journey.h - a generated journey of any size for the benchmarks
 * (simulation, exact analysis, import): shaped like a real one, not a
 * random graph.  Touchpoints fill the five stages in order and cycle
 * through the phases; each leads mostly forward, to touchpoints a few
 * places on (a window of 2 * per_tp + 2), and once back a few places (the
 * loops of the messy middle); from per_tp 5 on, one in four sharing (TMOT)
 * touchpoints also leads all the way back to an exposure touchpoint of the
 * awareness stage (experience feeds exposure).  A conversion every 37th,
 * drops of 2 to 12%, emotions -3..3, two entries and two personas with
 * different explore_bias.  The same n and per_tp give the same journey;
 * per_tp 3 is the generated-1000 of the simulation benchmark, per_tp 5
 * the journey of 10,000 touchpoints and 50,000 transitions (issue 11).
 *
 * Header only (static inline functions): every benchmark that includes it is
 * built alone from bench/NAME.c.
 */
#ifndef MOT_BENCH_JOURNEY_H
#define MOT_BENCH_JOURNEY_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/sim/sim_int.h"
#include "model.h"
#include "util.h"

/* Drop later duplicates among tp's targets, keeping the order. */
static inline void bench_journey_dedupe(struct mot_touchpoint *tp)
{
	size_t k = 0;

	for (size_t i = 0; i < tp->n_next; i++) {
		bool dup = false;

		for (size_t e = 0; e < k && !dup; e++)
			dup = strcmp(tp->next[e].to, tp->next[i].to) == 0;
		if (dup) {
			free(tp->next[i].to);
			free(tp->next[i].label);
		} else {
			tp->next[k++] = tp->next[i];
		}
	}
	tp->n_next = k;
}

/* Whether one of tp's first k transitions goes to touchpoint t. */
static inline bool bench_journey_taken(const struct mot_touchpoint *tp,
				       unsigned k, size_t t)
{
	char key[32];

	snprintf(key, sizeof key, "t%zu", t);
	for (unsigned e = 0; e < k; e++)
		if (strcmp(tp->next[e].to, key) == 0)
			return true;
	return false;
}

/* Transitions of touchpoint i of n: per_tp - 1 forward, one back. */
static inline void bench_journey_next(struct mot_touchpoint *tp, size_t i,
				      size_t n, unsigned per_tp,
				      struct sim_rng *rng)
{
	size_t window = 2 * (size_t)per_tp + 2, lz = n / MOT_STAGE_COUNT;

	tp->next = xcalloc(per_tp, sizeof *tp->next);
	for (unsigned k = 0; k < per_tp; k++) {
		size_t t = k + 1 < per_tp ? i + 1 + sim_rng_next(rng) % window :
			   i > 5 ? i - 1 - sim_rng_next(rng) % 5 : i + 9;

		/* Sharing leads back to exposure now and then. */
		if (per_tp >= 5 && k + 2 == per_tp && lz > 2 &&
		    tp->stage == MOT_STAGE_TMOT && sim_rng_next(rng) % 4 == 0)
			t = 1 + 5 * (sim_rng_next(rng) % (lz / 5 ? lz / 5 : 1));
		if (t >= n)
			t = n - 1 - k;
		/* From 5 on, a target taken already is drawn again, so that
		 * the journey has per_tp transitions a touchpoint. */
		for (int again = 0; per_tp >= 5 && again < 8 &&
		     bench_journey_taken(tp, k, t); again++) {
			size_t u = i + 1 + sim_rng_next(rng) % window;
			t = u < n ? u : t;
		}
		tp->next[k].to = xasprintf("t%zu", t);
		tp->next[k].weight = 1 + k;
	}
	tp->n_next = per_tp;
	bench_journey_dedupe(tp);
}

/* A journey of n touchpoints (n >= 10) with about per_tp transitions
 * each (at least 3): key "generated-N". */
static inline void bench_journey_make(struct mot_journey *j, size_t n,
				      unsigned per_tp)
{
	struct sim_rng rng;

	model_journey_init(j);
	j->key = xasprintf("generated-%zu", n);
	j->title = xstrdup("Generated");
	j->touchpoints = xcalloc(n, sizeof *j->touchpoints);
	j->n_touchpoints = n;
	sim_rng_seed(&rng, 99, 0);
	for (size_t i = 0; i < n; i++) {
		struct mot_touchpoint *tp = &j->touchpoints[i];
		model_touchpoint_init(tp);
		tp->key = xasprintf("t%zu", i);
		tp->name = xasprintf("Touchpoint %zu", i);
		tp->stage = (enum mot_stage)(i * MOT_STAGE_COUNT / n);
		tp->phase = (enum mot_phase)(i % MOT_PHASE_COUNT);
		tp->drop = 0.02 + 0.1 * sim_rng_unit(&rng);
		tp->conversion = i % 37 == 36;
		tp->emotion = (int)(sim_rng_next(&rng) % 7) - 3;
		tp->critical = i % 11 == 0;
		if (i + 1 < n)
			bench_journey_next(tp, i, n, per_tp < 3 ? 3 : per_tp, &rng);
	}
	j->entries = xcalloc(2, sizeof *j->entries);
	j->entries[0].to = xstrdup("t0");
	j->entries[0].weight = 3;
	j->entries[1].to = xstrdup("t3");
	j->entries[1].weight = 1;
	j->n_entries = 2;
	j->personas = xcalloc(2, sizeof *j->personas);
	j->n_personas = 2;
	for (int k = 0; k < 2; k++) {
		model_persona_init(&j->personas[k]);
		j->personas[k].key = xstrdup(k ? "careful" : "quick");
		j->personas[k].name = xstrdup(k ? "Careful" : "Quick");
		j->personas[k].share = k ? 0.4 : 0.6;
		j->personas[k].explore_bias = k ? 2.0 : 0.7;
		j->personas[k].patience = 80;
	}
}

#endif
