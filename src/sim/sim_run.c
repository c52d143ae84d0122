/*
 * sim_run.c - walking customers through a compiled journey on all cores.
 *
 * Customers are cut into blocks of SIM_BLOCK.  Threads claim blocks in
 * order, count each into a slot of their own, and whoever finishes a block
 * merges every finished slot into the totals strictly in block order.  So
 * every sum, floating ones included, and the pruning of rare paths happen
 * in the same order whatever the number of threads; and since customer c
 * always has the random stream sim_rng_seed(seed, c), the results depend
 * on nothing but the seed and the inputs.
 */
#include "sim_int.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

#define SIM_BLOCK 4096u
#define SIM_MAX_THREADS 256u
#define SIM_ALWAYS_INLINE inline __attribute__((always_inline))

/* --- path counting ------------------------------------------------------ */

/*
 * A path is known by a 64-bit hash of its touchpoints and end, and by the
 * first customer who walked it: its touchpoints are read back by walking
 * that customer again (a walk depends on the seed and the customer only),
 * so that the walk loop never copies a path around.
 */
struct sim_pent {
	uint64_t hash;   /* 0: free slot */
	uint64_t first;  /* lowest customer index that walked it */
	uint64_t count;
};

/* Open addressing; `used` lists the taken slots so that clearing costs
 * what was used, not the capacity. */
struct sim_ptab {
	struct sim_pent *e;
	uint32_t *used;
	size_t cap, n, limit;  /* limit: prune beyond this (0: never) */
	bool pruned;
};

static void sim_ptab_init(struct sim_ptab *t, size_t cap, size_t limit)
{
	memset(t, 0, sizeof *t);
	t->cap = cap;
	t->limit = limit;
	t->e = xcalloc(cap, sizeof *t->e);
	t->used = xcalloc(cap, sizeof *t->used);
}

static void sim_ptab_free(struct sim_ptab *t)
{
	free(t->e);
	free(t->used);
	memset(t, 0, sizeof *t);
}

static void sim_ptab_clear(struct sim_ptab *t)
{
	for (size_t i = 0; i < t->n; i++)
		t->e[t->used[i]].hash = 0;
	t->n = 0;
}

static void sim_ptab_add(struct sim_ptab *t, uint64_t h, uint64_t first,
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
static struct sim_pent *sim_ptab_sorted(const struct sim_ptab *t)
{
	struct sim_pent *all = xcalloc(t->n + 1, sizeof *all);

	for (size_t i = 0; i < t->n; i++)
		all[i] = t->e[t->used[i]];
	qsort(all, t->n, sizeof *all, sim_pent_cmp);
	return all;
}

/* Keep memory bounded: only the most common half stays. */
static void sim_ptab_prune(struct sim_ptab *t)
{
	struct sim_pent *all = sim_ptab_sorted(t);
	size_t keep = t->n / 2;

	sim_ptab_clear(t);
	for (size_t i = 0; i < keep; i++)
		sim_ptab_add(t, all[i].hash, all[i].first, all[i].count);
	t->pruned = true;
	free(all);
}

/*
 * What a block hands on: its paths walked at least SIM_PATH_MIN times,
 * at most SIM_PATH_BLOCK_TOP of them (the most common, ties by first
 * customer).  The long tail of paths walked once stays behind, which
 * keeps the ordered merge cheap; a path among a journey's ten most common
 * is far above both limits in every block, so its count is exact.
 */
#define SIM_PATH_MIN 2u
#define SIM_PATH_BLOCK_TOP 64u

/* What block table t hands on, into dst (cleared first); t is emptied. */
static void sim_ptab_reduce(struct sim_ptab *t, struct sim_ptab *dst)
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

/* --- counters ---------------------------------------------------------- */

enum { SIM_TP_VISITS, SIM_TP_VISITS_SQ, SIM_TP_REACH, SIM_TP_DROPS,
       SIM_TP_EXITS, SIM_TP_CONV, SIM_TP_EMO_UP, SIM_TP_EMO_DOWN,
       SIM_TP_FIELDS };

/* Everything one block (or the total) counts. */
struct sim_acc {
	size_t n, n_edges, n_personas;
	uint64_t customers, steps, conversions;
	uint64_t ends[SIM_END_COUNT];
	uint64_t stage_reach[MOT_STAGE_COUNT];
	uint64_t promoters, passives, detractors;
	uint64_t *tp;          /* SIM_TP_FIELDS arrays of n */
	uint64_t *flow;        /* n_edges, or NULL */
	uint64_t loop_hist[SIM_HIST], loop_sum, loop_max;
	uint64_t conv_len_hist[SIM_HIST], conv_len_sum, conv_len_max;
	double conv_dwell_sum;
	struct sim_persona_result *personas;
	uint64_t impact;
	struct sim_ptab paths;
};

#define ACC_TP(a, f) ((a)->tp + (size_t)(f) * (a)->n)

static void sim_acc_init(struct sim_acc *a, const struct sim_model *m,
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

static void sim_acc_free(struct sim_acc *a)
{
	free(a->tp);
	free(a->flow);
	free(a->personas);
	sim_ptab_free(&a->paths);
}

/* Back to zero, keeping the allocations; histograms only as far as
 * they were used. */
static void sim_acc_clear(struct sim_acc *a)
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
	memset(a->stage_reach, 0, sizeof a->stage_reach);
	a->promoters = a->passives = a->detractors = 0;
	a->loop_sum = a->loop_max = a->conv_len_sum = a->conv_len_max = 0;
	a->conv_dwell_sum = 0;
	a->impact = 0;
}

static void sim_acc_merge(struct sim_acc *t, const struct sim_acc *b)
{
	t->customers += b->customers;
	t->steps += b->steps;
	t->conversions += b->conversions;
	for (int i = 0; i < SIM_END_COUNT; i++)
		t->ends[i] += b->ends[i];
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

/* How a walk went. */
struct sim_trail {
	uint32_t steps, persona;
	enum sim_end end;
};

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

/* Per-thread scratch: the path (walks written down), the touchpoints
 * visited by the current customer in order of first visit, the block's
 * counts per touchpoint. */
struct sim_walker {
	const struct sim_model *m;
	uint64_t seed;
	uint16_t *path;         /* SIM_MAX_STEPS */
	uint32_t *distinct;     /* touchpoints of the walk, by first visit */
	uint32_t *mark;         /* for distinct */
	struct sim_tpc *tpc;
	uint64_t *rate;         /* per persona: SIM_RATE_* customers */
	uint32_t rating;        /* the last customer's SIM_RATE_* */
	uint32_t stamp;         /* the current customer's; never 0 */
	uint32_t last_steps;    /* of the last walk counted */
	uint32_t exposure_thr;  /* exposure_rate as a 32-bit threshold */
	struct sim_trail trail; /* of the last walk drawn but not counted */
};

/* Ratings at the first TMOT visit, counted by index, not by branch. */
enum { SIM_RATE_PROMOTER, SIM_RATE_PASSIVE, SIM_RATE_DETRACTOR,
       SIM_RATE_NONE, SIM_RATES };

/* Where a touchpoint's stage bit sits in its info. */
#define SIM_INFO_STAGE 8

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
static void sim_walker_fold(struct sim_walker *w, struct sim_acc *a)
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

static void sim_walk_flow(const struct sim_persona_tab *p, bool full,
			  uint32_t col, uint64_t r, struct sim_acc *a)
{
	const struct sim_step *tab = (full ? p->full : p->plain) + col;
	const struct sim_alias_edge *e = (full ? p->full_edge : p->plain_edge) +
					 col;
	int32_t id = (uint32_t)r < tab->thr ? e->own : e->alt;

	if (id >= 0)
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
	ACC_TP(a, tr->end == SIM_END_EXIT ? SIM_TP_EXITS : SIM_TP_DROPS)[last]++;
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
	tab = full ? p->full : p->plain;
	sens = p->sensitivity;
	patience = full && p->patience < SIM_MAX_STEPS ? p->patience :
		   SIM_MAX_STEPS;
	next = full ? SIM_NEXT(nodes[cur].full_off, nodes[cur].full_n) :
		      SIM_NEXT(nodes[cur].plain_off, nodes[cur].plain_n);
	for (;;) {
		const struct sim_node *n = &nodes[cur];
		uint64_t r;
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
			if (steps >= patience) {
				tr.end = SIM_END_PATIENCE;
				break;
			}
			if (!conv && (uint32_t)r < w->exposure_thr) {
				cur = sim_alias_draw(m->exposure_tab,
						     (uint32_t)m->n_exposure_cols,
						     sim_rng_next(&rng), &col);
				next = SIM_NEXT(nodes[cur].full_off,
						nodes[cur].full_n);
				continue;
			}
		} else if (steps >= SIM_MAX_STEPS) {
			tr.end = SIM_END_CUT;
			break;
		}
		r = sim_rng_next(&rng);
		out = sim_step_draw(tab, &next, r, &col);
		if (flow)
			sim_walk_flow(p, full, col, r, a);
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
static bool sim_walk_plain(struct sim_walker *w, uint64_t c, struct sim_acc *a)
{
	return w->m->flow ? sim_walk(w, c, a, false, true, true, -1, true) :
			    sim_walk(w, c, a, false, true, true, -1, false);
}

static bool sim_walk_full(struct sim_walker *w, uint64_t c, struct sim_acc *a)
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
static void sim_walk_trace(struct sim_walker *w, uint64_t c,
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

/* --- threads and blocks ------------------------------------------------ */

struct sim_slot {
	struct sim_acc acc[2];
	uint64_t pair[2];      /* gained, lost */
	uint64_t block;
	bool ready;
};

struct sim_job {
	const struct sim_model *m[2];
	int nm;
	const struct sim_run *r;
	uint64_t nblocks;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	uint64_t next_claim, next_merge;
	size_t nslots;
	struct sim_slot *slots;
	struct sim_acc total[2];
	uint64_t pair[2];
};

/*
 * The paths of a block go into the thread's own table `hot`, which stays
 * in cache from block to block, and only the few the block hands on into
 * the slot's (small) table.
 */
static void sim_block(struct sim_job *job, struct sim_walker *w,
		      struct sim_ptab *hot, struct sim_slot *s, uint64_t b)
{
	uint64_t c0 = b * SIM_BLOCK, c1 = c0 + SIM_BLOCK;

	if (c1 > job->r->customers)
		c1 = job->r->customers;
	for (int k = 0; k < job->nm; k++) {
		struct sim_ptab t;

		sim_acc_clear(&s->acc[k]);
		t = s->acc[k].paths;
		s->acc[k].paths = hot[k];
		hot[k] = t;
	}
	s->pair[0] = s->pair[1] = 0;
	for (uint64_t c = c0; c < c1; c++) {
		bool conv[2];
		for (int k = 0; k < job->nm; k++) {
			const struct sim_model *m = job->m[k];
			conv[k] = m->plain ? sim_walk_plain(&w[k], c, &s->acc[k]) :
					     sim_walk_full(&w[k], c, &s->acc[k]);
			/* Both sides of a comparison: the scenario's own
			 * Moment-of-Truth impact is what a workshop looks at
			 * after a what-if. */
			if (!m->plain && c < job->r->impact_customers)
				sim_walk_impact(&w[k], c, conv[k], &s->acc[k]);
		}
		if (job->nm == 2) {
			s->pair[0] += conv[1] && !conv[0];
			s->pair[1] += conv[0] && !conv[1];
		}
	}
	for (int k = 0; k < job->nm; k++) {
		struct sim_ptab t = s->acc[k].paths;

		sim_walker_fold(&w[k], &s->acc[k]);
		sim_ptab_reduce(&t, &hot[k]);
		s->acc[k].paths = hot[k];
		hot[k] = t;
	}
}

/* With the lock held: merge every finished block that is next in order. */
static void sim_merge_ready(struct sim_job *job)
{
	for (;;) {
		struct sim_slot *s = &job->slots[job->next_merge % job->nslots];
		uint64_t done;

		if (!s->ready || s->block != job->next_merge)
			break;
		for (int k = 0; k < job->nm; k++)
			sim_acc_merge(&job->total[k], &s->acc[k]);
		job->pair[0] += s->pair[0];
		job->pair[1] += s->pair[1];
		s->ready = false;
		job->next_merge++;
		done = job->next_merge * SIM_BLOCK;
		if (job->r->progress)
			job->r->progress(job->r->progress_ctx,
					 done < job->r->customers ? done :
					 job->r->customers, job->r->customers);
	}
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

static void sim_walker_init(struct sim_walker *w, const struct sim_model *m,
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

static void sim_walker_free(struct sim_walker *w)
{
	free(w->distinct);
	free(w->path);
	free(w->tpc);
	free(w->rate);
	free(w->mark);
}

static void *sim_worker(void *arg)
{
	struct sim_job *job = arg;
	struct sim_walker w[2];
	struct sim_ptab hot[2];

	for (int k = 0; k < job->nm; k++) {
		sim_walker_init(&w[k], job->m[k], job->r->seed);
		sim_ptab_init(&hot[k], 2 * SIM_BLOCK, 0);
	}
	pthread_mutex_lock(&job->mu);
	for (;;) {
		uint64_t b;
		struct sim_slot *s;

		while (job->next_claim < job->nblocks &&
		       job->next_claim - job->next_merge >= job->nslots)
			pthread_cond_wait(&job->cv, &job->mu);
		if (job->next_claim >= job->nblocks || sim_cancelled(job->r))
			break;
		b = job->next_claim++;
		s = &job->slots[b % job->nslots];
		pthread_mutex_unlock(&job->mu);
		sim_block(job, w, hot, s, b);
		pthread_mutex_lock(&job->mu);
		s->block = b;
		s->ready = true;
		sim_merge_ready(job);
		pthread_cond_broadcast(&job->cv);
	}
	pthread_mutex_unlock(&job->mu);
	for (int k = 0; k < job->nm; k++) {
		sim_walker_free(&w[k]);
		sim_ptab_free(&hot[k]);
	}
	return NULL;
}

static unsigned sim_threads(const struct sim_run *r, uint64_t nblocks)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	uint64_t t = r->threads ? r->threads : cores > 0 ? (uint64_t)cores : 1;

	if (t > SIM_MAX_THREADS)
		t = SIM_MAX_THREADS;
	if (t > nblocks)
		t = nblocks;
	return t ? (unsigned)t : 1;
}

static void sim_job_run(struct sim_job *job)
{
	unsigned nt = sim_threads(job->r, job->nblocks), started = 0;
	pthread_t *tids = xcalloc(nt, sizeof *tids);

	job->nslots = 2 * (size_t)nt;
	job->slots = xcalloc(job->nslots, sizeof *job->slots);
	for (size_t i = 0; i < job->nslots; i++)
		for (int k = 0; k < job->nm; k++)
			sim_acc_init(&job->slots[i].acc[k], job->m[k],
				     2 * SIM_PATH_BLOCK_TOP, 0);
	pthread_mutex_init(&job->mu, NULL);
	pthread_cond_init(&job->cv, NULL);
	/* The calling thread works too; a thread that cannot be started
	 * only makes the run slower, never different. */
	for (unsigned i = 1; i < nt; i++)
		if (pthread_create(&tids[started], NULL, sim_worker, job) == 0)
			started++;
	sim_worker(job);
	for (unsigned i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	pthread_mutex_destroy(&job->mu);
	pthread_cond_destroy(&job->cv);
	for (size_t i = 0; i < job->nslots; i++)
		for (int k = 0; k < job->nm; k++)
			sim_acc_free(&job->slots[i].acc[k]);
	free(job->slots);
	free(tids);
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

static void sim_result_fill(struct sim_result *res, const struct sim_acc *a,
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
	memcpy(res->stage_reach, a->stage_reach, sizeof res->stage_reach);
	res->promoters = a->promoters;
	res->passives = a->passives;
	res->detractors = a->detractors;
	res->visits = sim_copy_tp(a, SIM_TP_VISITS);
	res->visits_sq = sim_copy_tp(a, SIM_TP_VISITS_SQ);
	res->reach = sim_copy_tp(a, SIM_TP_REACH);
	res->drops = sim_copy_tp(a, SIM_TP_DROPS);
	res->exits = sim_copy_tp(a, SIM_TP_EXITS);
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
	free(res->exits);
	free(res->conv_through);
	free(res->emo_up);
	free(res->emo_down);
	free(res->flow);
	free(res->personas);
	memset(res, 0, sizeof *res);
}

bool sim_cancelled(const struct sim_run *r)
{
	return r->cancel &&
	       atomic_load_explicit(r->cancel, memory_order_relaxed) != 0;
}

void sim_run_init(struct sim_run *r)
{
	memset(r, 0, sizeof *r);
	r->customers = 100000;
	r->seed = 1;
}

/* Distinct paths kept in the totals before rare ones are pruned. */
#define SIM_PATHS_KEPT (1u << 15)

static int sim_go(const struct sim_model *a, const struct sim_model *b,
		  const struct sim_run *r, struct sim_result *ra,
		  struct sim_result *rb, struct sim_pair *pair, char *err,
		  size_t errlen)
{
	struct sim_job job;

	if (r->customers == 0) {
		snprintf(err, errlen, "no customers to simulate");
		return -1;
	}
	if (b && b->n != a->n) {
		snprintf(err, errlen, "the two journeys to compare differ in "
			 "their touchpoints");
		return -1;
	}
	memset(&job, 0, sizeof job);
	job.m[0] = a;
	job.m[1] = b;
	job.nm = b ? 2 : 1;
	job.r = r;
	job.nblocks = (r->customers + SIM_BLOCK - 1) / SIM_BLOCK;
	for (int k = 0; k < job.nm; k++)
		sim_acc_init(&job.total[k], job.m[k], 2 * SIM_PATHS_KEPT,
			     SIM_PATHS_KEPT);
	sim_job_run(&job);
	if (sim_cancelled(r)) {
		for (int k = 0; k < job.nm; k++)
			sim_acc_free(&job.total[k]);
		snprintf(err, errlen, SIM_CANCELLED);
		return -1;
	}
	sim_result_fill(ra, &job.total[0], a, r->seed);
	if (b) {
		sim_result_fill(rb, &job.total[1], b, r->seed);
		pair->gained = job.pair[0];
		pair->lost = job.pair[1];
	}
	for (int k = 0; k < job.nm; k++)
		sim_acc_free(&job.total[k]);
	return 0;
}

int sim_simulate(const struct sim_model *m, const struct sim_run *r,
		 struct sim_result *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	return sim_go(m, NULL, r, out, NULL, NULL, err, errlen);
}

int sim_compare(const struct sim_model *base, const struct sim_model *alt,
		const struct sim_run *r, struct sim_result *rb,
		struct sim_result *ra, struct sim_pair *pair, char *err,
		size_t errlen)
{
	memset(rb, 0, sizeof *rb);
	memset(ra, 0, sizeof *ra);
	memset(pair, 0, sizeof *pair);
	return sim_go(base, alt, r, rb, ra, pair, err, errlen);
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

/* --- outcomes of single customers (word of mouth) ----------------------- */

struct sim_outjob {
	const struct sim_model *m;
	uint64_t seed, c0;
	size_t n;
	uint8_t *out;
};

static void *sim_outcome_worker(void *arg)
{
	struct sim_outjob *o = arg;
	struct sim_walker w;
	struct sim_acc a;

	sim_walker_init(&w, o->m, o->seed);
	sim_acc_init(&a, o->m, 2 * SIM_BLOCK, 0);
	for (size_t i = 0; i < o->n; i++) {
		bool conv;

		/* The counters are not read, only kept from growing. */
		if (i % SIM_BLOCK == 0) {
			sim_walker_fold(&w, &a);
			sim_acc_clear(&a);
		}
		conv = o->m->plain ? sim_walk_plain(&w, o->c0 + i, &a) :
				     sim_walk_full(&w, o->c0 + i, &a);
		o->out[i] = (uint8_t)(conv |
				      (w.rating == SIM_RATE_PROMOTER) << 1);
	}
	sim_acc_free(&a);
	sim_walker_free(&w);
	return NULL;
}

void sim_outcomes(const struct sim_model *m, uint64_t seed, uint64_t c0,
		  size_t n, uint8_t *out, unsigned threads)
{
	struct sim_run r;
	unsigned nt;
	struct sim_outjob *jobs;
	pthread_t *tids;
	size_t per;
	bool *started;

	sim_run_init(&r);
	r.threads = threads;
	nt = sim_threads(&r, (n + SIM_BLOCK - 1) / SIM_BLOCK);
	jobs = xcalloc(nt, sizeof *jobs);
	tids = xcalloc(nt, sizeof *tids);
	started = xcalloc(nt, sizeof *started);
	per = (n + nt - 1) / nt;
	/* Contiguous shares: each outcome depends on its customer only. */
	for (unsigned i = 0; i < nt; i++) {
		size_t lo = (size_t)i * per < n ? (size_t)i * per : n;
		size_t hi = lo + per < n ? lo + per : n;
		jobs[i] = (struct sim_outjob){ m, seed, c0 + lo,
					       hi > lo ? hi - lo : 0, out + lo };
		if (i > 0)
			started[i] = pthread_create(&tids[i], NULL,
						    sim_outcome_worker,
						    &jobs[i]) == 0;
	}
	sim_outcome_worker(&jobs[0]);
	for (unsigned i = 1; i < nt; i++) {
		if (started[i])
			pthread_join(tids[i], NULL);
		else
			sim_outcome_worker(&jobs[i]);
	}
	free(jobs);
	free(tids);
	free(started);
}
