/*
 * sim_run_int.h - private to the simulation's run (src/sim/): what the
 * walk counts into, the paths it keeps, and the per-thread walker, shared
 * by sim_walk.c (one customer), sim_paths.c (the path table),
 * sim_counts.c (counters and results) and sim_run.c (blocks and threads).
 */
#ifndef MOT_SIM_RUN_INT_H
#define MOT_SIM_RUN_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim_int.h"

/* Customers a block: the unit of work of a thread and of the merge. */
#define SIM_BLOCK 4096u

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

void sim_ptab_init(struct sim_ptab *t, size_t cap, size_t limit);
void sim_ptab_free(struct sim_ptab *t);
void sim_ptab_clear(struct sim_ptab *t);
void sim_ptab_add(struct sim_ptab *t, uint64_t h, uint64_t first,
		  uint64_t count);
/* The entries sorted, most common first (free the array). */
struct sim_pent *sim_ptab_sorted(const struct sim_ptab *t);
/* Keep memory bounded: only the most common half stays. */
void sim_ptab_prune(struct sim_ptab *t);

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
void sim_ptab_reduce(struct sim_ptab *t, struct sim_ptab *dst);

/* --- counters ---------------------------------------------------------- */

/* Per touchpoint: the walks that ended there have one field per ending,
 * in the order of enum sim_end (SIM_TP_END + end). */
enum { SIM_TP_VISITS, SIM_TP_VISITS_SQ, SIM_TP_REACH, SIM_TP_END,
       SIM_TP_CONV = SIM_TP_END + SIM_END_COUNT, SIM_TP_EMO_UP,
       SIM_TP_EMO_DOWN, SIM_TP_FIELDS };

/* Everything one block (or the total) counts. */
struct sim_acc {
	size_t n, n_edges, n_personas;
	uint64_t customers, steps, conversions;
	uint64_t ends[SIM_END_COUNT], ends_bought[SIM_END_COUNT];
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

void sim_acc_init(struct sim_acc *a, const struct sim_model *m,
		  size_t path_cap, size_t path_limit);
void sim_acc_free(struct sim_acc *a);
/* Back to zero, keeping the allocations. */
void sim_acc_clear(struct sim_acc *a);
void sim_acc_merge(struct sim_acc *t, const struct sim_acc *b);
/* The totals as a result; the top paths are read back by walking their
 * first customers again with the seed. */
void sim_result_fill(struct sim_result *res, const struct sim_acc *a,
		     const struct sim_model *m, uint64_t seed);

/* --- the walker (sim_walk.c) ---------------------------------------------- */

/* How a walk went. */
struct sim_trail {
	uint32_t steps, persona;
	enum sim_end end;
};

struct sim_tpc;

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

void sim_walker_init(struct sim_walker *w, const struct sim_model *m,
		     uint64_t seed);
void sim_walker_free(struct sim_walker *w);
/* The block's visits and ratings into a, and back to zero. */
void sim_walker_fold(struct sim_walker *w, struct sim_acc *a);
/* Customer c walked and counted into a; returns whether it bought. */
bool sim_walk_plain(struct sim_walker *w, uint64_t c, struct sim_acc *a);
bool sim_walk_full(struct sim_walker *w, uint64_t c, struct sim_acc *a);
/* Customers c0 .. c1-1 walked by the nm walkers (one per model), counted
 * into acc[k]; the first `impact` customers also walk for the emotion
 * effects (full model).  pair: customers who buy only with the second
 * model, and only with the first. */
void sim_walk_customers(struct sim_walker *w, int nm, uint64_t c0,
			uint64_t c1, uint64_t impact, struct sim_acc *acc,
			uint64_t pair[2]);
/* Walk customer c again to read its path back. */
void sim_walk_trace(struct sim_walker *w, uint64_t c, struct sim_path *out);

#endif
