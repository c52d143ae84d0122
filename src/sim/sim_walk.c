/*
 * sim_walk.c - one customer walking a compiled journey: the walk loop,
 * the counting it does on the way and at the end, the emotion effects
 * (walks again with one touchpoint better), and single walks read back
 * for the top paths and the event log.
 */
#include "sim_run_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define SIM_ALWAYS_INLINE inline __attribute__((always_inline))

/* --- the walk ---------------------------------------------------------- */

/*
 * One pass per customer: the walk counts as it draws.  The drawing is a
 * chain of dependent loads (table column, next column) that leaves most
 * of the core idle, and the counts hang off that chain without feeding
 * back into it, so they cost little there; a second pass over the path
 * would cost its own instructions and, above all, a mispredicted branch
 * where it ends, as random as the walk's length.  So the walk loop keeps
 * no branch for counting and few variables (more would push the chain's
 * own out of registers): a customer's visits per touchpoint carry the
 * customer's stamp instead of being cleared after each walk, and the
 * touchpoint's flags and counts share one 32-byte entry, one access per
 * step.  What depends on the first purchase or the first TMOT visit is
 * read back from the path afterwards, for the buyers and the raters only.
 */

/*
 * Per touchpoint, what the block has counted so far, the current
 * customer's visits and the touchpoint's flags: 32 bytes, one access per
 * step, three whole words to update (no parts of words, which cost more
 * to store and to load back).  sq sums 2k + 1 over the visits (k the
 * visits before), which is the customer's visits squared once the walk is
 * over.  A block has at most 4096 * SIM_MAX_STEPS visits of a touchpoint
 * and 4096 customers: 32 bits each are enough until the block is folded.
 */
struct sim_tpc {
	uint64_t sq;
	uint64_t vr;            /* visits | reach << 32 */
	uint64_t sk;            /* visits of customer stamp: k | stamp << 32 */
	uint32_t info;          /* flags, stage bit */
	uint32_t conv_stamp;    /* last buyer who came by before buying */
};

/* What the walk loop counted as it went, and what the end of the walk
 * reads back from the path. */
struct sim_count {
	uint64_t hash;
	uint32_t loops, seen;
	uint32_t conv_len;   /* steps to the purchase */
	double conv_dwell;   /* minutes to the purchase */
	double tmot_mood;    /* the mood at the first TMOT visit */
};
/* A new stamp for the next customer; when they run out (after 2^32 - 1
 * customers of one walker), every touchpoint's visits go back to 0. */
static void sim_walker_stamp(struct sim_walker *w)
{
	if (++w->stamp != 0)
		return;
	for (size_t i = 0; i < w->m->n; i++)
		w->tpc[i].sk = w->tpc[i].conv_stamp = w->mark[i] = 0;
	w->stamp = 1;
}

/* The block's visits and ratings into a, and back to zero. */
void sim_walker_fold(struct sim_walker *w, struct sim_acc *a)
{
	uint64_t *visits = ACC_TP(a, SIM_TP_VISITS);
	uint64_t *sq = ACC_TP(a, SIM_TP_VISITS_SQ);
	uint64_t *reach = ACC_TP(a, SIM_TP_REACH);

	for (size_t i = 0; i < w->m->n_personas; i++) {
		struct sim_persona_result *p = &a->personas[i];
		uint64_t *r = w->rate + SIM_RATES * i;
		p->promoters += r[SIM_RATE_PROMOTER];
		p->passives += r[SIM_RATE_PASSIVE];
		p->detractors += r[SIM_RATE_DETRACTOR];
		a->promoters += r[SIM_RATE_PROMOTER];
		a->passives += r[SIM_RATE_PASSIVE];
		a->detractors += r[SIM_RATE_DETRACTOR];
		memset(r, 0, SIM_RATES * sizeof *r);
	}
	for (size_t i = 0; i < w->m->n; i++) {
		struct sim_tpc *t = &w->tpc[i];
		visits[i] += (uint32_t)t->vr;
		sq[i] += t->sq;
		reach[i] += t->vr >> 32;
		t->vr = t->sq = 0;
	}
}

/* The transition taken from column col, where u (the uniform the draw
 * compared with the column's threshold) chose between its outcomes. */
static void sim_walk_flow(const struct sim_persona_tab *p, uint32_t col,
			  uint32_t u, int32_t out, struct sim_acc *a)
{
	const struct sim_alias_edge *e = p->edge + col;
	int32_t id = u < p->steps[col].thr ? e->own : e->alt;

	if (id >= 0 && out != SIM_OUT_DROP)
		a->flow[id]++;
}

/* c ? a : b without a branch (the compiler may make one of a ?: on
 * doubles, and here c is as random as the walk). */
static SIM_ALWAYS_INLINE double sim_fsel(uint64_t c, double a, double b)
{
	uint64_t x, y, mask = 0 - c;

	memcpy(&x, &a, sizeof x);
	memcpy(&y, &b, sizeof y);
	x = (x & mask) | (y & ~mask);
	memcpy(&a, &x, sizeof a);
	return a;
}

/* The mood at the first TMOT visit: a chain of dependent additions
 * from step to step, so it is kept out of the counting loop and only
 * followed as far as needed, for the customers who rate. */
static double sim_count_mood(const struct sim_walker *w, double sens)
{
	const struct sim_node *nodes = w->m->nodes;
	double mood = 0;

	for (uint32_t i = 0;; i++) {
		const struct sim_node *n = &nodes[w->path[i]];
		mood = SIM_MOOD_DECAY * mood + sens * n->emotion;
		if (n->flags & SIM_F_TMOT)
			return mood;
	}
}

/* The purchase, read back from the path: its step, the minutes to it,
 * and every touchpoint visited by then led to it (removal effects). */
static void sim_count_conv(struct sim_walker *w, struct sim_acc *a,
			   struct sim_count *k)
{
	const struct sim_node *nodes = w->m->nodes;
	uint64_t *through = ACC_TP(a, SIM_TP_CONV);
	uint32_t stamp = w->stamp, i = 0, cur;
	double dwell = 0;

	do {
		struct sim_tpc *t;

		cur = w->path[i++];
		t = &w->tpc[cur];
		through[cur] += t->conv_stamp != stamp;
		t->conv_stamp = stamp;
		dwell += nodes[cur].dwell;
	} while (!(nodes[cur].flags & SIM_F_CONV));
	k->conv_len = i;
	k->conv_dwell = dwell;
}

/*
 * The end of a counted walk at touchpoint last; returns whether the
 * customer bought.  Buyers or not, rated or not, all go through the same
 * instructions (what does not apply adds 0).
 */
static bool sim_count_end(struct sim_walker *w, struct sim_acc *a,
			  const struct sim_count *k, const struct sim_trail *tr,
			  uint32_t last, uint64_t c)
{
	struct sim_persona_result *p = &a->personas[tr->persona];
	uint64_t h = sim_splitmix(k->hash ^ ((uint64_t)tr->end << 56));
	uint32_t loops = k->loops, conv = (k->seen & SIM_F_CONV) != 0;
	uint32_t len = k->conv_len & (0u - conv);
	uint32_t rate = (uint32_t)SIM_RATE_PASSIVE -
			(k->tmot_mood >= SIM_PROMOTER_MOOD) +
			(k->tmot_mood <= SIM_DETRACTOR_MOOD);

	h = h ? h : 1;
	/* The path's entry in the table, fetched while the rest is counted. */
	__builtin_prefetch(&a->paths.e[(size_t)h & (a->paths.cap - 1)], 1);
	rate |= (k->seen & SIM_F_TMOT) ? 0 : SIM_RATE_NONE;
	w->rating = rate;
	w->rate[SIM_RATES * tr->persona + rate]++;
	a->conv_len_hist[len < SIM_HIST ? len : SIM_HIST - 1] += conv;
	a->conv_len_sum += len;
	a->conv_len_max = len > a->conv_len_max ? len : a->conv_len_max;
	a->conv_dwell_sum += sim_fsel(conv, k->conv_dwell, 0.0);
	a->customers++;
	a->steps += tr->steps;
	a->ends[tr->end]++;
	a->ends_bought[tr->end] += conv;
	ACC_TP(a, SIM_TP_END + tr->end)[last]++;
	for (int s = 0; s < MOT_STAGE_COUNT; s++)
		a->stage_reach[s] += (k->seen >> (SIM_INFO_STAGE + s)) & 1u;
	a->loop_hist[loops < SIM_HIST ? loops : SIM_HIST - 1]++;
	a->loop_sum += loops;
	a->loop_max = loops > a->loop_max ? loops : a->loop_max;
	p->customers++;
	p->steps += tr->steps;
	p->conversions += conv;
	a->conversions += conv;
	sim_ptab_add(&a->paths, h, c, 1);
	return conv;
}

/*
 * One customer.  `full`, `record`, `count`, `ovr` and `flow` (count the
 * transitions taken too) are constants at every call, so the compiler
 * makes one lean loop per use: the plain walk, the full walk (both
 * counted), a walk again with touchpoint `ovr` one point better that only
 * says whether the customer buys, and a walk that only writes the path
 * down (record, not count: the event log and the top paths).  Nothing is
 * allocated here.
 */
static SIM_ALWAYS_INLINE bool sim_walk(struct sim_walker *w, uint64_t c,
				       struct sim_acc *a, const bool full,
				       const bool record, const bool count,
				       const int32_t ovr, const bool flow)
{
	const struct sim_model *m = w->m;
	const struct sim_node *nodes = m->nodes;
	const struct sim_persona_tab *p;
	const struct sim_step *tab;
	uint16_t *path = w->path;
	struct sim_rng rng;
	struct sim_trail tr;
	struct sim_count k = { .hash = 0xcbf29ce484222325ULL };
	uint32_t col, patience, steps = 0, stamp = 0, last = 0;
	uint64_t next;
	double sens, mood = 0;
	bool conv = false;
	int32_t cur;

	if (count) {
		sim_walker_stamp(w);
		stamp = w->stamp;
	}
	sim_rng_seed(&rng, w->seed, c);
	tr.persona = m->n_personas > 1 ? (uint32_t)sim_alias_draw(
		m->persona_tab, (uint32_t)m->n_personas, sim_rng_next(&rng),
		&col) : 0;
	cur = m->n_entry_cols > 1 ? sim_alias_draw(m->entry_tab,
		(uint32_t)m->n_entry_cols, sim_rng_next(&rng), &col) :
		m->entry_tab[0].own;
	p = &m->personas[tr.persona];
	tab = p->steps;
	sens = p->sensitivity;
	patience = full && p->patience < SIM_MAX_STEPS ? p->patience :
		   SIM_MAX_STEPS;
	next = SIM_NEXT(nodes[cur].off, nodes[cur].ncols);
	for (;;) {
		const struct sim_node *n = &nodes[cur];
		uint64_t r;
		uint32_t u;
		int32_t out;

		if (record)
			path[steps] = (uint16_t)cur;
		if (count) {
			struct sim_tpc *t = &w->tpc[cur];
			uint32_t f = t->info, phase = f & (SIM_F_EXPL | SIM_F_EVAL);
			uint64_t sk = t->sk;
			uint32_t v = (uint32_t)sk &
				     (0u - (uint32_t)((sk >> 32) == stamp));

			t->sk = (uint64_t)stamp << 32 | (v + 1);
			t->vr += 1 | (uint64_t)(v == 0) << 32;
			t->sq += 2 * (uint64_t)v + 1;
			k.hash = (k.hash ^ (uint32_t)cur) * 0x100000001b3ULL;
			/* A loop: into exploration after evaluation. */
			k.loops += ((f & SIM_F_EXPL) != 0) & (last == SIM_F_EVAL);
			last = phase | (last & (0u - (uint32_t)(phase == 0)));
			k.seen |= f;
		}
		steps++;
		if (full) {
			uint32_t f = n->flags;
			int e = n->emotion + (cur == ovr);
			double pd = n->drop;

			mood = SIM_MOOD_DECAY * mood + sens * e;
			if (!record && (f & SIM_F_CONV))
				return true;
			conv |= (f & SIM_F_CONV) != 0;
			r = sim_rng_next(&rng);
			/* The sign of the mood and the stress are as random as
			 * the walk: no branches.  What does not apply adds 0,
			 * which leaves pd as it was to the last bit. */
			pd -= SIM_MOOD_DROP * sim_fsel(mood < 0, mood, 0.0);
			pd += SIM_STRESS_DROP *
			      (double)(((f & SIM_F_NOHELP) != 0) & (e < 0));
			if ((double)(r >> 32) * 0x1.0p-32 < pd) {
				tr.end = SIM_END_DROP;
				break;
			}
			/* A touchpoint without transitions ends the walk,
			 * before patience or re-exposure could. */
			if (f & SIM_F_END) {
				tr.end = SIM_END_EXIT;
				break;
			}
			if (steps >= patience) {
				tr.end = SIM_END_PATIENCE;
				break;
			}
			if (!conv && (uint32_t)r < w->exposure_thr) {
				cur = sim_alias_draw(m->exposure_tab,
						     (uint32_t)m->n_exposure_cols,
						     sim_rng_next(&rng), &col);
				next = SIM_NEXT(nodes[cur].off, nodes[cur].ncols);
				continue;
			}
			r = sim_rng_next(&rng);
			out = sim_step_draw(tab, &next, r, &col);
			u = (uint32_t)r;
		} else {
			if (steps >= SIM_MAX_STEPS) {
				tr.end = SIM_END_CUT;
				break;
			}
			r = sim_rng_next(&rng);
			out = sim_step_draw_lo(tab, &next, r, &col, &u);
		}
		if (flow)
			sim_walk_flow(p, col, u, out, a);
		if (out < 0) {
			tr.end = out == SIM_OUT_DROP ? SIM_END_DROP : SIM_END_EXIT;
			break;
		}
		cur = out;
	}
	if (!record)
		return conv;
	tr.steps = steps;
	if (!count) {
		w->trail = tr;
		return conv;
	}
	w->last_steps = steps;
	if (k.seen & SIM_F_CONV)
		sim_count_conv(w, a, &k);
	if (k.seen & SIM_F_TMOT)
		k.tmot_mood = sim_count_mood(w, sens);
	return sim_count_end(w, a, &k, &tr, (uint32_t)cur, c);
}

/* Flows or not is a loop of its own: one variable less in the loop
 * without, where registers are short. */
bool sim_walk_plain(struct sim_walker *w, uint64_t c, struct sim_acc *a)
{
	return w->m->flow ? sim_walk(w, c, a, false, true, true, -1, true) :
			    sim_walk(w, c, a, false, true, true, -1, false);
}

bool sim_walk_full(struct sim_walker *w, uint64_t c, struct sim_acc *a)
{
	return w->m->flow ? sim_walk(w, c, a, true, true, true, -1, true) :
			    sim_walk(w, c, a, true, true, true, -1, false);
}

static bool sim_walk_better(struct sim_walker *w, uint64_t c, int32_t t)
{
	return sim_walk(w, c, NULL, true, false, false, t, false);
}

/* The path alone, into w->path and w->trail: nothing counted.  Kept out
 * of line: the event log is rare and must not grow the hot loops. */
static __attribute__((noinline)) void sim_walk_path(struct sim_walker *w,
						    uint64_t c)
{
	if (w->m->plain)
		sim_walk(w, c, NULL, false, true, false, -1, false);
	else
		sim_walk(w, c, NULL, true, true, false, -1, false);
}

/* Walk customer c again to read its path back. */
void sim_walk_trace(struct sim_walker *w, uint64_t c,
			   struct sim_path *out)
{
	uint32_t len;

	memset(out, 0, sizeof *out);
	sim_walk_path(w, c);
	len = w->trail.steps;
	out->len = len;
	out->end = w->trail.end;
	for (uint32_t i = 0; i < len && !out->converted; i++)
		out->converted = (w->m->nodes[w->path[i]].flags & SIM_F_CONV) != 0;
	memcpy(out->nodes, w->path, (len < SIM_PATH_SHOW ? len : SIM_PATH_SHOW) *
	       sizeof out->nodes[0]);
}

/*
 * Emotion effects: customer c walks again once per touchpoint it visited
 * (a walk that never reaches t cannot change when t does), with that
 * touchpoint one point better.
 */
static void sim_walk_impact(struct sim_walker *w, uint64_t c, bool conv,
			    struct sim_acc *a)
{
	uint64_t *up = ACC_TP(a, SIM_TP_EMO_UP), *down = ACC_TP(a, SIM_TP_EMO_DOWN);
	uint32_t nd = 0;

	/* The walks below do not write the path down: it is c's. */
	for (uint32_t i = 0; i < w->last_steps; i++) {
		uint32_t t = w->path[i];
		if (w->mark[t] != w->stamp) {
			w->mark[t] = w->stamp;
			w->distinct[nd++] = t;
		}
	}

	for (uint32_t i = 0; i < nd; i++) {
		uint32_t t = w->distinct[i];
		bool alt;

		if (w->m->nodes[t].emotion >= MOT_EMOTION_MAX)
			continue;
		alt = sim_walk_better(w, c, (int32_t)t);
		up[t] += alt && !conv;
		down[t] += !alt && conv;
	}
	a->impact++;
}

/*
 * A thread's scratch is written at every step: it gets cache lines of its
 * own (64-byte aligned, rounded up, with a line of padding), or two
 * threads would fight over a line that both merely happen to touch.
 */
static void *sim_private(size_t size)
{
	size_t bytes = (size + 127) / 64 * 64;
	void *p = aligned_alloc(64, bytes);

	if (!p) {
		fprintf(stderr, "mot: out of memory\n");
		abort();
	}
	memset(p, 0, bytes);
	return p;
}

void sim_walker_init(struct sim_walker *w, const struct sim_model *m,
			    uint64_t seed)
{
	double thr = m->exposure_rate * 4294967296.0;

	w->m = m;
	w->seed = seed;
	w->distinct = sim_private((m->n + 1) * sizeof *w->distinct);
	w->path = sim_private((SIM_MAX_STEPS + 1) * sizeof *w->path);
	w->tpc = sim_private((m->n + 1) * sizeof *w->tpc);
	w->mark = sim_private((m->n + 1) * sizeof *w->mark);
	for (size_t i = 0; i < m->n; i++)
		w->tpc[i].info = m->nodes[i].flags |
				 1u << (SIM_INFO_STAGE + m->nodes[i].stage);
	w->rate = sim_private(SIM_RATES * m->n_personas * sizeof *w->rate);
	w->stamp = 0;
	w->last_steps = 0;
	w->exposure_thr = !m->exposure_tab ? 0 : thr >= 4294967295.0 ?
			  UINT32_MAX : (uint32_t)thr;
}

void sim_walker_free(struct sim_walker *w)
{
	free(w->distinct);
	free(w->path);
	free(w->tpc);
	free(w->rate);
	free(w->mark);
}

/*
 * Customers c0 .. c1-1 through the nm walkers' models (a comparison walks
 * each customer through both), counted into acc[k].  Here, next to the
 * walk, so that the walks of the emotion effects inline into the loop.
 */
void sim_walk_customers(struct sim_walker *w, int nm, uint64_t c0,
			uint64_t c1, uint64_t impact, struct sim_acc *acc,
			uint64_t pair[2])
{
	pair[0] = pair[1] = 0;
	for (uint64_t c = c0; c < c1; c++) {
		bool conv[2];
		for (int k = 0; k < nm; k++) {
			const struct sim_model *m = w[k].m;
			conv[k] = m->plain ? sim_walk_plain(&w[k], c, &acc[k]) :
					     sim_walk_full(&w[k], c, &acc[k]);
			/* Both sides of a comparison: the scenario's own
			 * Moment-of-Truth impact is what a workshop looks at
			 * after a what-if. */
			if (!m->plain && c < impact)
				sim_walk_impact(&w[k], c, conv[k], &acc[k]);
		}
		if (nm == 2) {
			pair[0] += conv[1] && !conv[0];
			pair[1] += conv[0] && !conv[1];
		}
	}
}

/* --- single walks for the event log ------------------------------------- */

struct sim_tracer {
	struct sim_walker w;
};

struct sim_tracer *sim_tracer_new(const struct sim_model *m, uint64_t seed)
{
	struct sim_tracer *t = xcalloc(1, sizeof *t);

	sim_walker_init(&t->w, m, seed);
	return t;
}

void sim_tracer_free(struct sim_tracer *t)
{
	if (!t)
		return;
	sim_walker_free(&t->w);
	free(t);
}

/* Same walker, same walk function as sim_simulate(): the very path the
 * simulation counted for customer c. */
const uint16_t *sim_tracer_walk(struct sim_tracer *t, uint64_t c,
				struct sim_walk_info *info)
{
	sim_walk_path(&t->w, c);
	info->steps = t->w.trail.steps;
	info->persona = t->w.trail.persona;
	info->end = t->w.trail.end;
	return t->w.path;
}
