/*
 * sim_counts.c - what a block of customers counts, merged in block order
 * into the totals, and the totals turned into a struct sim_result.
 */
#include "sim_run_int.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void sim_acc_init(struct sim_acc *a, const struct sim_model *m,
			 size_t path_cap, size_t path_limit)
{
	memset(a, 0, sizeof *a);
	a->n = m->n;
	a->n_edges = m->n_edges;
	a->n_personas = m->n_personas;
	a->tp = xcalloc(SIM_TP_FIELDS * m->n + 1, sizeof *a->tp);
	if (m->flow)
		a->flow = xcalloc(m->n_edges + 1, sizeof *a->flow);
	a->personas = xcalloc(m->n_personas, sizeof *a->personas);
	sim_ptab_init(&a->paths, path_cap, path_limit);
}

void sim_acc_free(struct sim_acc *a)
{
	free(a->tp);
	free(a->flow);
	free(a->personas);
	sim_ptab_free(&a->paths);
}

/* Back to zero, keeping the allocations; histograms only as far as
 * they were used. */
void sim_acc_clear(struct sim_acc *a)
{
	uint64_t lmax = a->loop_max, cmax = a->conv_len_max;

	memset(a->tp, 0, SIM_TP_FIELDS * a->n * sizeof *a->tp);
	if (a->flow)
		memset(a->flow, 0, a->n_edges * sizeof *a->flow);
	memset(a->personas, 0, a->n_personas * sizeof *a->personas);
	memset(a->loop_hist, 0, (lmax < SIM_HIST ? lmax + 1 : SIM_HIST) *
	       sizeof a->loop_hist[0]);
	memset(a->conv_len_hist, 0, (cmax < SIM_HIST ? cmax + 1 : SIM_HIST) *
	       sizeof a->conv_len_hist[0]);
	sim_ptab_clear(&a->paths);
	a->customers = a->steps = a->conversions = 0;
	memset(a->ends, 0, sizeof a->ends);
	memset(a->ends_bought, 0, sizeof a->ends_bought);
	memset(a->stage_reach, 0, sizeof a->stage_reach);
	a->promoters = a->passives = a->detractors = 0;
	a->loop_sum = a->loop_max = a->conv_len_sum = a->conv_len_max = 0;
	a->conv_dwell_sum = 0;
	a->impact = 0;
}

void sim_acc_merge(struct sim_acc *t, const struct sim_acc *b)
{
	t->customers += b->customers;
	t->steps += b->steps;
	t->conversions += b->conversions;
	for (int i = 0; i < SIM_END_COUNT; i++) {
		t->ends[i] += b->ends[i];
		t->ends_bought[i] += b->ends_bought[i];
	}
	for (int i = 0; i < MOT_STAGE_COUNT; i++)
		t->stage_reach[i] += b->stage_reach[i];
	t->promoters += b->promoters;
	t->passives += b->passives;
	t->detractors += b->detractors;
	for (size_t i = 0; i < SIM_TP_FIELDS * t->n; i++)
		t->tp[i] += b->tp[i];
	for (size_t i = 0; t->flow && i < t->n_edges; i++)
		t->flow[i] += b->flow[i];
	for (size_t i = 0; i <= b->loop_max && i < SIM_HIST; i++)
		t->loop_hist[i] += b->loop_hist[i];
	for (size_t i = 0; i <= b->conv_len_max && i < SIM_HIST; i++)
		t->conv_len_hist[i] += b->conv_len_hist[i];
	t->loop_sum += b->loop_sum;
	t->conv_len_sum += b->conv_len_sum;
	if (b->loop_max > t->loop_max)
		t->loop_max = b->loop_max;
	if (b->conv_len_max > t->conv_len_max)
		t->conv_len_max = b->conv_len_max;
	t->conv_dwell_sum += b->conv_dwell_sum;
	for (size_t k = 0; k < t->n_personas; k++) {
		struct sim_persona_result *x = &t->personas[k];
		const struct sim_persona_result *y = &b->personas[k];
		x->customers += y->customers;
		x->conversions += y->conversions;
		x->steps += y->steps;
		x->promoters += y->promoters;
		x->passives += y->passives;
		x->detractors += y->detractors;
	}
	t->impact += b->impact;
	for (size_t i = 0; i < b->paths.n; i++) {
		const struct sim_pent *e = &b->paths.e[b->paths.used[i]];
		sim_ptab_add(&t->paths, e->hash, e->first, e->count);
		if (t->paths.limit && t->paths.n > t->paths.limit)
			sim_ptab_prune(&t->paths);
	}
}

/* --- results ----------------------------------------------------------- */

static uint64_t *sim_copy_tp(const struct sim_acc *a, int f)
{
	uint64_t *v = xcalloc(a->n + 1, sizeof *v);

	memcpy(v, ACC_TP(a, f), a->n * sizeof *v);
	return v;
}

/* The most common paths, read back by walking their first customers. */
static void sim_result_paths(struct sim_result *res, const struct sim_acc *a,
			     const struct sim_model *m, uint64_t seed)
{
	struct sim_pent *all = sim_ptab_sorted(&a->paths);
	struct sim_walker w;

	sim_walker_init(&w, m, seed);
	res->n_top = a->paths.n < SIM_TOP_PATHS ? a->paths.n : SIM_TOP_PATHS;
	for (size_t i = 0; i < res->n_top; i++) {
		sim_walk_trace(&w, all[i].first, &res->top[i]);
		res->top[i].count = all[i].count;
	}
	res->paths_pruned = a->paths.pruned;
	sim_walker_free(&w);
	free(all);
}

void sim_result_fill(struct sim_result *res, const struct sim_acc *a,
			    const struct sim_model *m, uint64_t seed)
{
	memset(res, 0, sizeof *res);
	res->n = a->n;
	res->n_edges = a->n_edges;
	res->n_personas = a->n_personas;
	res->customers = a->customers;
	res->steps = a->steps;
	res->conversions = a->conversions;
	memcpy(res->ends, a->ends, sizeof res->ends);
	memcpy(res->ends_bought, a->ends_bought, sizeof res->ends_bought);
	memcpy(res->stage_reach, a->stage_reach, sizeof res->stage_reach);
	res->promoters = a->promoters;
	res->passives = a->passives;
	res->detractors = a->detractors;
	res->visits = sim_copy_tp(a, SIM_TP_VISITS);
	res->visits_sq = sim_copy_tp(a, SIM_TP_VISITS_SQ);
	res->reach = sim_copy_tp(a, SIM_TP_REACH);
	res->drop_ends = sim_copy_tp(a, SIM_TP_END + SIM_END_DROP);
	res->exits = sim_copy_tp(a, SIM_TP_END + SIM_END_EXIT);
	res->patience_ends = sim_copy_tp(a, SIM_TP_END + SIM_END_PATIENCE);
	res->cuts = sim_copy_tp(a, SIM_TP_END + SIM_END_CUT);
	res->drops = xcalloc(a->n + 1, sizeof *res->drops);
	for (size_t i = 0; i < a->n; i++)
		res->drops[i] = res->drop_ends[i] + res->patience_ends[i];
	res->conv_through = sim_copy_tp(a, SIM_TP_CONV);
	res->emo_up = sim_copy_tp(a, SIM_TP_EMO_UP);
	res->emo_down = sim_copy_tp(a, SIM_TP_EMO_DOWN);
	res->impact_customers = a->impact;
	if (a->flow) {
		res->flow = xcalloc(a->n_edges + 1, sizeof *res->flow);
		memcpy(res->flow, a->flow, a->n_edges * sizeof *res->flow);
	}
	memcpy(res->loop_hist, a->loop_hist, sizeof res->loop_hist);
	res->loop_sum = a->loop_sum;
	res->loop_max = a->loop_max;
	memcpy(res->conv_len_hist, a->conv_len_hist, sizeof res->conv_len_hist);
	res->conv_len_sum = a->conv_len_sum;
	res->conv_len_max = a->conv_len_max;
	res->conv_dwell_sum = a->conv_dwell_sum;
	res->personas = xcalloc(a->n_personas, sizeof *res->personas);
	memcpy(res->personas, a->personas, a->n_personas * sizeof *res->personas);
	sim_result_paths(res, a, m, seed);
}

void sim_result_free(struct sim_result *res)
{
	free(res->visits);
	free(res->visits_sq);
	free(res->reach);
	free(res->drops);
	free(res->drop_ends);
	free(res->patience_ends);
	free(res->cuts);
	free(res->exits);
	free(res->conv_through);
	free(res->emo_up);
	free(res->emo_down);
	free(res->flow);
	free(res->personas);
	memset(res, 0, sizeof *res);
}
