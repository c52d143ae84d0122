/*
 * sim.h - the simulation engine: customers walking a journey, the exact
 * analysis of the plain chain, and word of mouth over time.
 *
 * The engine knows no curses, SQL or YAML.  It compiles a struct
 * mot_journey into flat tables (struct sim_model), walks customers through
 * them on all cores and returns counters (struct sim_result).  Results
 * depend only on the seed and the inputs: never on the thread count.
 *
 * THE CUSTOMER WALK (also in mot(1), SIMULATION MODEL)
 *
 * A customer draws a persona by share and an entry by weight.  At every
 * touchpoint t (one step) the customer:
 *   1. feels it: mood m <- SIM_MOOD_DECAY * m + sensitivity * emotion(t)
 *      (m starts at 0; sensitivity is the persona's emotion_sensitivity);
 *   2. buys, when t is a conversion touchpoint and this is the first one
 *      (a purchase is counted once per customer; the walk goes on);
 *   3. rates, at the first TMOT touchpoint: promoter when
 *      m >= SIM_PROMOTER_MOOD, detractor when m <= SIM_DETRACTOR_MOOD,
 *      passive in between;
 *   4. may leave, with probability
 *        p = clamp(drop(t) + SIM_MOOD_DROP * max(0, -m)
 *                  + [critical(t) && emotion(t) < 0 && !human(t)] *
 *                    SIM_STRESS_DROP, 0, 1)
 *      (stress at a make-or-break moment needs a person);
 *   5. stops when it was the persona's patience-th touchpoint;
 *   6. before buying, is sent back with probability exposure_rate
 *      (SIM_EXPOSURE_RATE) to an exposure touchpoint, drawn uniformly:
 *      exposure is always on;
 *   7. otherwise follows a transition drawn by weight, where a transition
 *      between two touchpoints of the exploration/evaluation phases has
 *      its weight multiplied by the persona's explore_bias.  A touchpoint
 *      without transitions ends the walk there (an exit).
 *
 * PLAIN (sim_options.plain): steps 4-6 reduce to the touchpoint's drop
 * alone, no re-exposure, no patience.  In both models the drop and the
 * transition are drawn apart (plain: from the two halves of one number),
 * so that two runs that differ in a drop walk everyone who stays alike.  The walk is then exactly an
 * absorbing Markov chain (one chain per explore_bias, mixed by persona
 * share), which analyze_journey() solves exactly.  The mood is still
 * tracked, only to rate customers at TMOT.  A safety cut at SIM_MAX_STEPS
 * steps ends walks that would never end in practice.
 *
 * A loop of the messy middle is counted each time a customer enters an
 * exploration touchpoint after an evaluation one (other touchpoints in
 * between do not matter).
 *
 * REMOVAL EFFECT (Markov attribution) of t: 1 - P(convert | t removed) /
 * P(convert), where removing t sends whoever would reach t out of the
 * journey.  The simulation computes it path by path: a walk is the same
 * with or without t until it first reaches t, so the conversions lost
 * are exactly those of customers who reached t at or before buying.
 * This holds for the full model as well as the plain one.
 *
 * EMOTION EFFECT of t: the change in conversion rate if t's emotion were
 * one point better (at most +3), by walking the first impact_customers
 * customers again with that emotion and the same random numbers (every
 * customer has a random stream of its own), so that only the customers
 * the change touches differ.  Zero in the plain model.
 */
#ifndef MOT_SIM_H
#define MOT_SIM_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "model.h"

/* The model's constants (see above and mot(1)). */
#define SIM_MOOD_DECAY 0.7       /* share of the mood kept at each step */
#define SIM_MOOD_DROP 0.04       /* drop added per point of bad mood */
#define SIM_STRESS_DROP 0.2      /* drop added by unattended stress */
#define SIM_PROMOTER_MOOD 2.0    /* mood at TMOT for a promoter, at least */
#define SIM_DETRACTOR_MOOD (-1.0) /* mood at TMOT for a detractor, at most */
#define SIM_EXPOSURE_RATE 0.03   /* per step, before buying */
#define SIM_MAX_STEPS 100000u    /* safety cut of one walk */
/* Emotion effects walk at most this many customers again (`mot simulate`
 * and the designer alike, so that their results agree). */
#define SIM_IMPACT_CUSTOMERS 100000u

#define SIM_MAX_TOUCHPOINTS 65535u /* path records use 16-bit indexes */
#define SIM_HIST 1024u            /* histogram bins; larger values clamp */
#define SIM_PATH_SHOW 32u         /* touchpoints kept of each top path */
#define SIM_TOP_PATHS 10u
/* Most customers one run walks: `mot simulate -n` and the designer's
 * simulation panel take the same limit. */
#define SIM_MAX_CUSTOMERS 1000000000000ULL

/* How a walk ended. */
enum sim_end {
	SIM_END_DROP,     /* left by the drop probability */
	SIM_END_EXIT,     /* a touchpoint without transitions */
	SIM_END_PATIENCE, /* the persona's patience ran out */
	SIM_END_CUT,      /* SIM_MAX_STEPS */
	SIM_END_COUNT
};

struct sim_options {
	bool plain;           /* the pure Markov chain */
	const char *persona;  /* only this persona; NULL: all, by share */
	double exposure_rate; /* full model; default SIM_EXPOSURE_RATE */
	bool flow;            /* count customers per transition */
};

void sim_options_init(struct sim_options *o);

/* A compiled journey: flat tables, read-only while running. */
struct sim_model;

/*
 * Compile.  Refuses (-1, a message in err) journeys without entries,
 * without a conversion touchpoint reachable from an entry, with more than
 * SIM_MAX_TOUCHPOINTS, with persona shares summing to 0, an unknown
 * persona, and, in the plain model, with a closed loop that no customer
 * can leave (the message names a touchpoint in it).
 */
int sim_compile(const struct mot_journey *j, const struct sim_options *o,
		struct sim_model **out, char *err, size_t errlen);
void sim_model_free(struct sim_model *m);
size_t sim_model_touchpoints(const struct sim_model *m);

/*
 * What-if edits on a journey before compiling: "TOUCHPOINT.FIELD=VALUE"
 * with FIELD one of emotion, drop, dwell, critical, human, conversion,
 * and "TOUCHPOINT.next.TARGET=WEIGHT" (0 removes the transition; a new
 * target adds one).  Returns 0, or -1 with a message in err.
 */
int sim_apply_set(struct mot_journey *j, const char *assignment, char *err,
		  size_t errlen);

typedef void (*sim_progress_fn)(void *ctx, uint64_t done, uint64_t total);

struct sim_run {
	uint64_t customers;
	uint64_t seed;
	unsigned threads;          /* 0: all cores */
	uint64_t impact_customers; /* emotion effects; 0: none */
	sim_progress_fn progress;  /* NULL: none; called from any thread */
	void *progress_ctx;
	/* NULL, or a flag another thread may set to stop the run early:
	 * blocks already begun finish, then the run fails with the message
	 * "cancelled" (SIM_CANCELLED in err) and fills no result. */
	const atomic_int *cancel;
};

#define SIM_CANCELLED "cancelled"

/* Whether r's cancel flag is set. */
bool sim_cancelled(const struct sim_run *r);

void sim_run_init(struct sim_run *r);

struct sim_path {
	uint64_t count;
	uint32_t len;            /* touchpoints in the whole path */
	enum sim_end end;
	bool converted;
	uint16_t nodes[SIM_PATH_SHOW]; /* the first min(len, SIM_PATH_SHOW) */
};

struct sim_persona_result {
	uint64_t customers, conversions, steps;
	uint64_t promoters, passives, detractors;
};

struct sim_result {
	size_t n;                  /* touchpoints, in the journey's order */
	size_t n_personas;         /* as in the journey (or 1 if it has none) */
	size_t n_edges;            /* transitions, in the journey's order */
	uint64_t customers, steps, conversions;
	uint64_t ends[SIM_END_COUNT];        /* walks by how they ended */
	uint64_t ends_bought[SIM_END_COUNT]; /* of them, the buyers' */
	uint64_t stage_reach[MOT_STAGE_COUNT]; /* customers reaching a stage */
	uint64_t promoters, passives, detractors;
	/* per touchpoint */
	uint64_t *visits;          /* all visits */
	uint64_t *visits_sq;       /* sum over customers of visits^2 */
	uint64_t *reach;           /* customers who came by at least once */
	/* Walks that ended here, one array per ending: each sums over the
	 * touchpoints to its ends[] */
	uint64_t *drop_ends;       /* by the drop */
	uint64_t *exits;           /* no transition */
	uint64_t *patience_ends;   /* the persona's patience ran out */
	uint64_t *cuts;            /* SIM_MAX_STEPS */
	uint64_t *drops;           /* left here: drop_ends + patience_ends */
	uint64_t *conv_through;    /* buyers who reached it by their purchase */
	uint64_t *emo_up, *emo_down; /* emotion +1: buyers gained / lost */
	uint64_t impact_customers; /* customers walked again for emo_* */
	uint64_t *flow;            /* per transition (opt.flow), else NULL */
	/* distributions */
	uint64_t loop_hist[SIM_HIST], loop_sum, loop_max;
	uint64_t conv_len_hist[SIM_HIST], conv_len_sum, conv_len_max;
	double conv_dwell_sum;     /* minutes to the purchase, all buyers */
	struct sim_persona_result *personas;
	struct sim_path top[SIM_TOP_PATHS];
	size_t n_top;
	bool paths_pruned;         /* rare paths were dropped to bound memory */
};

/* Paired outcome of a comparison: customers (same random numbers) who
 * buy only in the scenario, and only in the baseline. */
struct sim_pair {
	uint64_t gained, lost;
};

int sim_simulate(const struct sim_model *m, const struct sim_run *r,
		 struct sim_result *out, char *err, size_t errlen);
/* Both models must come from the same journey's touchpoint count. */
int sim_compare(const struct sim_model *base, const struct sim_model *alt,
		const struct sim_run *r, struct sim_result *rb,
		struct sim_result *ra, struct sim_pair *pair, char *err,
		size_t errlen);
void sim_result_free(struct sim_result *res);

/* --- single walks: the event log (src/sim/sim_trace.c) ---------------------- */

/*
 * Customer c walked again alone, exactly as sim_simulate() walked it with
 * the same seed (every customer has a random stream of its own), without
 * counting anything.
 */
struct sim_tracer;

struct sim_walk_info {
	uint32_t steps;     /* touchpoints in the path */
	uint32_t persona;   /* index in the journey (0 if it has none) */
	enum sim_end end;
};

struct sim_tracer *sim_tracer_new(const struct sim_model *m, uint64_t seed);
void sim_tracer_free(struct sim_tracer *t);
/* The path's touchpoint indexes, valid until the next call. */
const uint16_t *sim_tracer_walk(struct sim_tracer *t, uint64_t c,
				struct sim_walk_info *info);

/* Fixed start of the event log's clock: 2026-01-01T00:00:00Z. */
#define SIM_TRACE_EPOCH 1767225600LL

enum sim_trace_format { SIM_TRACE_CSV, SIM_TRACE_XES };

/* XES for a file name ending in .xes, else CSV. */
int sim_trace_format_of(const char *path);

/*
 * The walks of customers 0 .. n-1 of `seed` as an event log for process
 * mining (man/mot-log.5), in UTF-8:
 *  - CSV (RFC 4180, CRLF): the header case_id,activity,timestamp,name,
 *    stage,persona,outcome, then one row per touchpoint visit;
 *  - XES (IEEE 1849): one <trace> per customer (concept:name its number,
 *    mot:persona, mot:outcome), one <event> per visit (concept:name the
 *    touchpoint's key, mot:name its name, mot:stage, time:timestamp).
 * The activity is the touchpoint's key.  The outcome is "converted" for a
 * buyer, else how the walk ended: dropped, exit, patience or cut.
 * Customer c starts c minutes after SIM_TRACE_EPOCH and each visit lasts
 * the touchpoint's dwell (at least a second, so that events of a case
 * are strictly ordered).  m must be compiled from j.  Returns 0, or -1
 * when a write failed.
 */
int sim_trace_write(FILE *out, enum sim_trace_format f,
		    const struct mot_journey *j, const struct sim_model *m,
		    uint64_t seed, uint64_t n);

/* --- statistics ------------------------------------------------------- */

/* Wilson score interval of k successes in n at 95%. */
void sim_ci95(uint64_t k, uint64_t n, double *lo, double *hi);
/* The value at quantile q (0..1) of a histogram of `total` counts. */
unsigned sim_hist_quantile(const uint64_t *hist, uint64_t total, double q);
/* Paired difference of rates (gained - lost) / n and its 95% interval:
 * Tango's score interval, which never collapses to a point (n 0: -1..1). */
void sim_pair_diff(const struct sim_pair *p, uint64_t n, double *diff,
		   double *lo, double *hi);
/* Difference k1/n1 - k0/n0 of two independent rates and its 95% interval:
 * Newcombe's hybrid score interval (Wilson intervals combined). */
void sim_unpaired_diff(uint64_t k0, uint64_t n0, uint64_t k1, uint64_t n1,
		       double *diff, double *lo, double *hi);
/* Mean and 95% half-width of visits per customer at touchpoint i. */
void sim_visits_mean(const struct sim_result *r, size_t i, double *mean,
		     double *half);

/* --- word of mouth over time (Bass diffusion) -------------------------- */

struct sim_market {
	uint64_t people;   /* M */
	unsigned days;     /* D */
	double p, q;       /* innovation and imitation per day */
	uint64_t seed;
	unsigned threads;
	/* NULL: none.  Called after each batch of entrants is walked with
	 * (entrants walked, people), and once at the end with done == total
	 * (the run may end before everyone entered). */
	sim_progress_fn progress;
	void *progress_ctx;
	/* NULL, or a flag as in struct sim_run: the batch being walked
	 * finishes, then the run fails with SIM_CANCELLED, no days. */
	const atomic_int *cancel;
	/* Negative word of mouth: how strongly each detractor holds others
	 * back, as q is how strongly each promoter pulls them in. */
	double qd;
};

struct sim_market_day {
	unsigned day;
	uint64_t new_entrants, purchases, cumulative_adopters, promoters;
	uint64_t detractors;
};

/*
 * People enter the journey one by one in continuous time (an exact event
 * simulation, no time step): with R people still outside, P promoters and
 * D detractors, the next one enters after an exponential time of rate
 * R * max(0, p + (q P - qd D) / M).  The k-th entrant walks the journey
 * as customer k of the seed.  Adopters are buyers.  Fills days[0 .. D-1]
 * (allocated); returns 0 or -1.
 */
int sim_market_run(const struct sim_model *m, const struct sim_market *mk,
		   struct sim_market_day **days, char *err, size_t errlen);
/* Bass's closed form F(t) of the adopted share. */
double sim_bass_share(double p, double q, double t);

/* --- exact analysis of the plain chain (src/sim/sim_analyze.c) ------------------ */

struct analyze_result {
	size_t n;                 /* touchpoints, in the journey's order */
	double conversion;        /* P(ever visiting a conversion touchpoint) */
	double expected_steps;    /* touchpoint visits per customer */
	double p_drop, p_exit;    /* how walks end */
	/* How walks end without a purchase: with `conversion` they add up
	 * to 1, as the endings of the simulation. */
	double p_drop_unbought, p_exit_unbought;
	double *expected_visits;  /* per touchpoint: (alpha N)_t */
	double *removal_effect;   /* per touchpoint, as in the simulation */
	double *p_drop_at;        /* walks ending here by drop */
	double *p_exit_at;        /* walks ending here, no transition */
};

/*
 * Solve the plain chain of the journey (persona may be NULL for all, by
 * share) after the same checks as sim_compile().  Sparse LDU factors of
 * I - Q over the touchpoints an entry reaches, in a fill-reducing order.
 * Returns 0, or -1 with a message in err.
 */
int analyze_journey(const struct mot_journey *j, const char *persona,
		    struct analyze_result *out, char *err, size_t errlen);
/* The same, telling progress (may be NULL) as it goes, and once at the
 * end with done == total, success or not. */
int analyze_journey_progress(const struct mot_journey *j, const char *persona,
			     sim_progress_fn progress, void *ctx,
			     struct analyze_result *out, char *err,
			     size_t errlen);
void analyze_result_free(struct analyze_result *r);

/* --- reports (src/sim/sim_report.c) ---------------------------------------- */

enum sim_format { SIM_FMT_TEXT, SIM_FMT_JSON, SIM_FMT_CSV };

/* "text", "json", "csv"; -1 when unknown. */
int sim_format_parse(const char *s);

/* What a report says about how it was made. */
struct sim_report {
	const struct mot_journey *j;   /* the journey simulated */
	const struct sim_options *opt;
	const struct sim_run *run;
	char *const *sets;             /* --set assignments */
	size_t n_sets;
	/* Text: the columns a table line may take (a terminal's width);
	 * 0, no limit.  Keys are cut only where the line would not fit,
	 * and never to fewer than 32 characters. */
	int width;
};

void sim_report_result(FILE *out, enum sim_format f,
		       const struct sim_report *rp, const struct sim_result *r);
/* rp->j is the baseline; alt the journey with the --set edits. */
void sim_report_compare(FILE *out, enum sim_format f,
			const struct sim_report *rp,
			const struct mot_journey *alt,
			const struct sim_result *base,
			const struct sim_result *scen,
			const struct sim_pair *pair);
void sim_report_market(FILE *out, enum sim_format f,
		       const struct sim_report *rp, const struct sim_market *mk,
		       const struct sim_market_day *days);
/* width: as sim_report.width (text only). */
void analyze_report(FILE *out, enum sim_format f, const struct mot_journey *j,
		    const char *persona, const struct analyze_result *a,
		    int width);

#endif
