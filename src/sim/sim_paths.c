/*
 * sim_paths.c - counting the paths customers walk: a table keyed by a
 * hash of the path, pruned to bound memory, and what a block hands on to
 * the ordered merge.
 */
#include "sim_run_int.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void sim_ptab_init(struct sim_ptab *t, size_t cap, size_t limit)
{
	memset(t, 0, sizeof *t);
	t->cap = cap;
	t->limit = limit;
	t->e = xcalloc(cap, sizeof *t->e);
	t->used = xcalloc(cap, sizeof *t->used);
}

void sim_ptab_free(struct sim_ptab *t)
{
	free(t->e);
	free(t->used);
	memset(t, 0, sizeof *t);
}

void sim_ptab_clear(struct sim_ptab *t)
{
	for (size_t i = 0; i < t->n; i++)
		t->e[t->used[i]].hash = 0;
	t->n = 0;
}

void sim_ptab_add(struct sim_ptab *t, uint64_t h, uint64_t first,
			 uint64_t count)
{
	size_t mask = t->cap - 1, i = (size_t)h & mask;

	while (t->e[i].hash != 0 && t->e[i].hash != h)
		i = (i + 1) & mask;
	if (t->e[i].hash == 0) {
		t->e[i].hash = h;
		t->e[i].first = first;
		t->e[i].count = 0;
		t->used[t->n++] = (uint32_t)i;
	} else if (first < t->e[i].first) {
		t->e[i].first = first;
	}
	t->e[i].count += count;
}

/* Most common first; equal counts by first customer, so that the order
 * never depends on where entries sit in the table. */
static int sim_pent_cmp(const void *a, const void *b)
{
	const struct sim_pent *x = a, *y = b;

	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return x->first < y->first ? -1 : x->first > y->first;
}

/* The entries sorted, most common first (free the array). */
struct sim_pent *sim_ptab_sorted(const struct sim_ptab *t)
{
	struct sim_pent *all = xcalloc(t->n + 1, sizeof *all);

	for (size_t i = 0; i < t->n; i++)
		all[i] = t->e[t->used[i]];
	qsort(all, t->n, sizeof *all, sim_pent_cmp);
	return all;
}

/* Keep memory bounded: only the most common half stays. */
void sim_ptab_prune(struct sim_ptab *t)
{
	struct sim_pent *all = sim_ptab_sorted(t);
	size_t keep = t->n / 2;

	sim_ptab_clear(t);
	for (size_t i = 0; i < keep; i++)
		sim_ptab_add(t, all[i].hash, all[i].first, all[i].count);
	t->pruned = true;
	free(all);
}
/* What block table t hands on, into dst (cleared first); t is emptied. */
void sim_ptab_reduce(struct sim_ptab *t, struct sim_ptab *dst)
{
	struct sim_pent top[SIM_PATH_BLOCK_TOP];
	size_t nt = 0;

	/* Insertion into a small sorted array: blocks hold a few thousand
	 * entries, most of them walked once and skipped at once. */
	for (size_t i = 0; i < t->n; i++) {
		const struct sim_pent *e = &t->e[t->used[i]];
		size_t k;

		if (e->count < SIM_PATH_MIN)
			continue;
		if (nt == SIM_PATH_BLOCK_TOP &&
		    sim_pent_cmp(e, &top[nt - 1]) >= 0)
			continue;
		k = nt < SIM_PATH_BLOCK_TOP ? nt++ : nt - 1;
		while (k > 0 && sim_pent_cmp(e, &top[k - 1]) < 0) {
			top[k] = top[k - 1];
			k--;
		}
		top[k] = *e;
	}
	sim_ptab_clear(t);
	sim_ptab_clear(dst);
	for (size_t i = 0; i < nt; i++)
		sim_ptab_add(dst, top[i].hash, top[i].first, top[i].count);
}
