/*
 * journey_path.c - the most likely path, the walk order and loops; see
 * journey_path.h.  Touchpoints are named by index into j->touchpoints.
 */
#include "journey_path.h"

#include <stdlib.h>

#include "util.h"

/* Index of the highest-weight entry with a known target, or -1. */
static long journey_first_entry(const struct mot_journey *j)
{
	long best = -1;
	double w = 0;

	for (size_t i = 0; i < j->n_entries; i++) {
		long t = model_touchpoint_find(j, j->entries[i].to);

		if (t >= 0 && (best < 0 || j->entries[i].weight > w)) {
			best = t;
			w = j->entries[i].weight;
		}
	}
	return best;
}

/* The heaviest transition of tp to a touchpoint not seen yet, or -1. */
static long journey_heaviest_unseen(const struct mot_journey *j,
				    const struct mot_touchpoint *tp,
				    const bool *seen)
{
	long best = -1;
	double w = 0;

	for (size_t k = 0; k < tp->n_next; k++) {
		long t = model_touchpoint_find(j, tp->next[k].to);

		if (t >= 0 && !seen[t] && (best < 0 || tp->next[k].weight > w)) {
			best = t;
			w = tp->next[k].weight;
		}
	}
	return best;
}

size_t journey_path_likely(const struct mot_journey *j, size_t *path)
{
	bool *seen;
	size_t n = 0;
	long cur, next;

	if (j->n_touchpoints == 0)
		return 0;
	seen = xcalloc(j->n_touchpoints, sizeof *seen);
	for (cur = journey_first_entry(j); cur >= 0; cur = next) {
		seen[cur] = true;
		path[n++] = (size_t)cur;
		next = journey_heaviest_unseen(j, &j->touchpoints[cur], seen);
		/* what a customer shares is the exposure of the next one */
		if (next >= 0 && j->touchpoints[cur].stage == MOT_STAGE_TMOT &&
		    j->touchpoints[next].stage < MOT_STAGE_TMOT)
			break;
	}
	free(seen);
	return n;
}

/* A target and its weight, to visit neighbours heaviest first. */
struct journey_step {
	long to;
	double weight;
	size_t rank;	/* listed position: keeps ties in file order */
};

static int journey_step_cmp(const void *a, const void *b)
{
	const struct journey_step *x = a, *y = b;

	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return x->rank < y->rank ? -1 : x->rank > y->rank;
}

/* Append the not yet seen targets of steps[0..n) to the queue, heaviest first. */
static void journey_enqueue(struct journey_step *steps, size_t n, bool *seen,
			    size_t *queue, size_t *tail)
{
	qsort(steps, n, sizeof *steps, journey_step_cmp);
	for (size_t k = 0; k < n; k++)
		if (steps[k].to >= 0 && !seen[steps[k].to]) {
			seen[steps[k].to] = true;
			queue[(*tail)++] = (size_t)steps[k].to;
		}
}

void journey_walk_order(const struct mot_journey *j, size_t *order)
{
	size_t n = j->n_touchpoints, head = 0, tail = 0, most = j->n_entries;
	struct journey_step *steps;
	bool *seen;

	if (n == 0)
		return;
	for (size_t i = 0; i < n; i++)
		if (j->touchpoints[i].n_next > most)
			most = j->touchpoints[i].n_next;
	steps = xcalloc(most ? most : 1, sizeof *steps);
	seen = xcalloc(n, sizeof *seen);
	for (size_t e = 0; e < j->n_entries; e++)
		steps[e] = (struct journey_step){
			model_touchpoint_find(j, j->entries[e].to),
			j->entries[e].weight, e };
	journey_enqueue(steps, j->n_entries, seen, order, &tail);
	while (head < tail) {
		const struct mot_touchpoint *tp = &j->touchpoints[order[head++]];

		for (size_t k = 0; k < tp->n_next; k++)
			steps[k] = (struct journey_step){
				model_touchpoint_find(j, tp->next[k].to),
				tp->next[k].weight, k };
		journey_enqueue(steps, tp->n_next, seen, order, &tail);
	}
	for (size_t i = 0; i < n; i++)	/* what no entry reaches */
		if (!seen[i])
			order[tail++] = i;
	free(steps);
	free(seen);
}

bool journey_is_loop(size_t from, long to)
{
	return to >= 0 && (size_t)to <= from;
}

double journey_out_weight(const struct mot_touchpoint *tp)
{
	double sum = 0;

	for (size_t k = 0; k < tp->n_next; k++)
		sum += tp->next[k].weight;
	return sum;
}
