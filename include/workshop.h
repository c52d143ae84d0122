/*
 * workshop.h - simulation for the workshop mode of the designer: runs in
 * the background, baselines and what-if scenarios, the walkthrough story
 * of single customers, and results written out for `x`.
 *
 * Like the engine it drives (sim.h), this knows no curses, SQL or YAML:
 * the UI starts a job, polls its progress between keystrokes, and gets a
 * struct ws_outcome it owns.  Every job works on its own deep copies of
 * the journeys, so the designer may go on editing while it runs.
 */
#ifndef MOT_WORKSHOP_H
#define MOT_WORKSHOP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "model.h"
#include "sim.h"

/* What the simulation panel asks for. */
struct ws_settings {
	uint64_t customers;     /* default 100000 */
	uint64_t seed;          /* default 1 */
	char *persona;          /* NULL: all personas by share (owned) */
	bool plain;             /* the plain Markov chain, else the full model */
	/* word of mouth over time (WS_JOB_MARKET) */
	uint64_t market;        /* people M; default 100000 */
	unsigned days;          /* D; default 90 */
	double p, q;            /* Bass innovation, imitation; 0.03, 0.38 */
	double qd;              /* detractors' push back; 0.38 */
	bool market_asked;      /* p, q and qd were given by the designer */
};

void ws_settings_init(struct ws_settings *s);
void ws_settings_free(struct ws_settings *s);
void ws_settings_copy(struct ws_settings *dst, const struct ws_settings *src);
/* The engine's options for these settings (persona is borrowed). */
void ws_sim_options(const struct ws_settings *s, struct sim_options *o);

enum ws_job_kind {
	WS_JOB_SIMULATE,   /* one journey: the results */
	WS_JOB_COMPARE,    /* a baseline journey and the current one */
	WS_JOB_MARKET,     /* word of mouth over ws_settings.days */
};

/*
 * One finished run.  For WS_JOB_COMPARE, `base` is the baseline's result
 * and `res` the scenario's; `paired` tells whether the two were walked by
 * the same customers with the same random numbers (same touchpoints in
 * both journeys), which makes the difference far more precise; otherwise
 * the two runs are independent and the difference is unpaired.
 */
struct ws_outcome {
	enum ws_job_kind kind;
	struct ws_settings set;
	struct mot_journey j;         /* the journey walked (a copy) */
	struct sim_result res;
	bool compared;
	struct mot_journey base_j;    /* compared: the baseline (a copy) */
	struct sim_result base;
	bool paired;
	struct sim_pair pair;         /* paired: buyers gained and lost */
	struct sim_market_day *days;  /* WS_JOB_MARKET: set.days of them */
	double seconds;               /* wall time of the run */
};

void ws_outcome_free(struct ws_outcome *o);   /* frees o too */

/* Conversion rate and its 95% interval (Wilson). */
void ws_conversion(const struct sim_result *r, double *rate, double *lo,
		   double *hi);
/* Net promoter score in points (-100..100): promoters - detractors, as a
 * share of those rated; 0 when nobody was rated. */
double ws_nps(const struct sim_result *r);
/*
 * Scenario minus baseline conversion and its 95% interval: paired
 * (Tango) when o->paired, else unpaired (Newcombe).  *significant is
 * true when the interval leaves out 0.  Only for compared outcomes.
 */
void ws_difference(const struct ws_outcome *o, double *diff, double *lo,
		   double *hi, bool *significant);
/* Share of customers who reached touchpoint i and left there (dropped or
 * ran out of patience), 0..1; 0 when nobody reached it.  The figures
 * below are 0 where the report of `mot simulate` says "-" or null. */
double ws_drop_share(const struct sim_result *r, size_t i);
/* Removal effect (share of conversions lost without i) and the gain in
 * conversion from one point of better emotion at i (0 in the plain model,
 * at +3 already, and for the scenario of a paired comparison, whose
 * emotion effects the engine does not walk), as src/sim/sim_report.c has
 * them. */
double ws_removal_effect(const struct sim_result *r, size_t i);
double ws_emotion_gain(const struct sim_result *r, size_t i);

/*
 * Touchpoints ranked for the Moment-of-Truth impact view: by removal
 * effect (by_emotion false) or by emotion gain, largest first, ties in
 * the journey's order.  Returns n indexes (malloc'ed).
 */
size_t *ws_rank(const struct sim_result *r, bool by_emotion);

/* --- the heat map (src/workshop/workshop_heat.c) ------------------------ */

/*
 * The simulation behind a heat-map picture, for `mot export --sim N` and
 * the designer's `x` alike (so that both draw the same figures): the full
 * model, every persona by share, transitions counted, on all cores.
 * Returns 0 with *res (free with sim_result_free), or -1 with err.
 */
int ws_heat_run(const struct mot_journey *j, uint64_t customers,
		uint64_t seed, struct sim_result *res, char *err,
		size_t errlen);

/* --- background jobs ----------------------------------------------------- */

struct ws_job;

/*
 * Start a job on a thread of its own; the engine itself uses all cores.
 * j is copied, so is base (WS_JOB_COMPARE only; NULL otherwise).  The
 * journey is compiled before this returns: a journey the engine refuses
 * (no entry, no way to convert, an unknown persona ...) returns NULL with
 * the message in err, and no thread is started.
 */
struct ws_job *ws_job_start(enum ws_job_kind kind, const struct mot_journey *j,
			    const struct mot_journey *base,
			    const struct ws_settings *set, char *err,
			    size_t errlen);
/* Customers (people, for the market) walked so far and in all; true when
 * the job has ended (finished, failed or cancelled).  Never blocks.  An
 * unpaired comparison walks its customers twice, so its total is twice
 * ws_settings.customers; a market run ends with done == total even when
 * not everybody entered in the days given. */
bool ws_job_poll(struct ws_job *job, uint64_t *done, uint64_t *total);
/* Ask the job to stop soon; ws_job_finish then returns 1 (even when the
 * job got to its end first: its results are dropped). */
void ws_job_cancel(struct ws_job *job);
/*
 * Wait for the job to end and free it.  Returns 0 with *out (caller
 * frees with ws_outcome_free), 1 when it was cancelled, -1 with err.
 */
int ws_job_finish(struct ws_job *job, struct ws_outcome **out, char *err,
		  size_t errlen);

/* --- what changed between the baseline and the scenario -----------------
 * (src/workshop/workshop_changes.c) */

/*
 * The differences from base to cur, one line each, as a workshop reads
 * them: "Checkout: emotion -1 -> +1", "Chat: drop 0.2 -> 0.05", "added
 * touchpoint 'Call back'", "removed touchpoint 'Fax'", "Search -> Shop:
 * weight 1 -> 3", "new transition Search -> Chat", "persona 'Bargain
 * hunter': share 0.3 -> 0.5".  Touchpoints, transitions and personas are
 * matched by key and named by their current name; in the current
 * journey's order come each touchpoint's field changes (name, stage,
 * phase, emotion, drop, dwell, critical, human, conversion, controlled,
 * channel, owner, notes), its place among the touchpoints kept in its
 * stage, its transitions (new, weight, label, removed), then removed
 * touchpoints, entries ("new entry at X, weight 2", "entry at X: weight
 * 1 -> 2", "removed entry at X") and personas (share, sensitivity,
 * patience, explore bias, description; added, removed).  Returns the
 * count; *lines (malloc'ed, each malloc'ed) is NULL when there are none.
 */
size_t ws_changes(const struct mot_journey *base, const struct mot_journey *cur,
		  char ***lines);
void ws_lines_free(char **lines, size_t n);

/* --- the walkthrough: single customers as a story ------------------------ */

enum ws_event {
	WS_EV_ENTER = 1u << 0,      /* the first touchpoint of the walk */
	WS_EV_REEXPOSED = 1u << 1,  /* sent back here by exposure */
	WS_EV_LOOP = 1u << 2,       /* exploration again after evaluation */
	WS_EV_BUY = 1u << 3,        /* the purchase */
	WS_EV_PROMOTER = 1u << 4,   /* rated at the first TMOT touchpoint */
	WS_EV_PASSIVE = 1u << 5,
	WS_EV_DETRACTOR = 1u << 6,
	WS_EV_DROP = 1u << 7,       /* left the journey here */
	WS_EV_EXIT = 1u << 8,       /* no way on from here */
	WS_EV_PATIENCE = 1u << 9,   /* patience ran out here */
	WS_EV_CUT = 1u << 10,       /* the safety cut */
};

struct ws_step {
	size_t tp;         /* touchpoint index in the journey */
	double mood;       /* after feeling this touchpoint */
	unsigned loops;    /* messy-middle loops so far */
	unsigned events;   /* enum ws_event bits */
};

struct ws_story {
	uint64_t customer;
	size_t persona;    /* index in the journey's personas (0 if none) */
	struct ws_step *steps;
	size_t n;
	bool bought;
};

/*
 * Customer c of the seed walked again, exactly as the simulation of the
 * same journey, settings and seed walked it (see sim_tracer_walk), told
 * step by step.  Returns 0, or -1 with err (the journey cannot compile).
 *
 * The mood is the model's (sim.h), also in the plain model.  A step is
 * REEXPOSED when, in the full model and before the purchase, it is an
 * exposure-phase touchpoint that the touchpoint before has no transition
 * to: the path does not record which draw sent the customer on, so a
 * re-exposure to a touchpoint the one before also leads to is told as
 * that transition.  The last step carries how the walk ended.
 */
int ws_story(const struct mot_journey *j, const struct ws_settings *set,
	     uint64_t c, struct ws_story *out, char *err, size_t errlen);
void ws_story_free(struct ws_story *s);

/* --- writing results out (`x`) ------------------------------------------- */

/*
 * The outcome as `mot simulate` would print it with --format text, json
 * or csv, byte for byte (a compared outcome as --compare does, with an
 * empty --set list), or the daily series of a market run as --days does.
 * An unpaired comparison, which `mot simulate` cannot make, is written in
 * the same shapes: JSON {"baseline":{...},"scenario":{...},"difference":
 * {"paired":false,"conversion_rate":d,"conversion_ci95":[lo,hi]}}, and in
 * CSV and text the touchpoints of both journeys, empty ("-") on the side
 * without them.  Returns 0, or -1 when a write failed.
 */
int ws_write_outcome(FILE *out, enum sim_format f, const struct ws_outcome *o);
/* The same into a malloc'ed string (for keeping with a scenario). */
char *ws_outcome_string(enum sim_format f, const struct ws_outcome *o);

#endif
