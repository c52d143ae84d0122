/*
 * log.h - event logs against a design: reading logs (CSV and XES), mapping
 * their activities to touchpoints, comparing what customers did with what
 * the journey says, and fitting a journey's weights and drops to a log.
 *
 * Plain C over the model (model.h, model_log.h): no SQL, no curses, no
 * YAML (the mapping file is read by yamlio and handed in as pairs), and
 * not the simulation engine either: what the design expects (visits per
 * case, conversion) is computed by the caller with analyze_journey() and
 * handed in as a struct log_design.  The file formats are in mot-log(5).
 */
#ifndef MOT_LOG_H
#define MOT_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "model.h"
#include "model_log.h"

/* A broken file is reported with at most this many errors. */
#define LOG_MAX_ERRORS 20
/* The default strength of the prior of log_fit(), in pseudo-cases. */
#define LOG_PRIOR_DEFAULT 10.0

/* --- reading (src/log/log_read.c, log_csv.c, log_xes.c, log_time.c) ----- */

enum log_format { LOG_FMT_AUTO, LOG_FMT_CSV, LOG_FMT_XES };

struct log_read_options {
	enum log_format format;  /* AUTO: .xes/.xes.gz or a leading '<' is XES */
	/* CSV columns, or XES attribute keys; NULL for the default:
	 * case_id, activity, timestamp (CSV; the PM4Py names
	 * case:concept:name, concept:name and time:timestamp are taken when
	 * the default is missing), and concept:name of the trace, concept:name
	 * and time:timestamp of the event (XES). */
	const char *case_key, *activity_key, *time_key;
};

void log_read_options_init(struct log_read_options *o);
/* "csv", "xes"; -1 when unknown. */
int log_format_parse(const char *s);

/*
 * Read an event log into *out (activities not mapped yet; name and
 * source unset).  Every event needs a case, an activity and a time (see
 * log_time_parse); a case's events are put in time order, events at the
 * same time in the file's order, and cases in the order of their first
 * event, then of their first appearance.  On any bad row or element:
 * -1, nothing in *out, and the errors in *d with their line (at most
 * LOG_MAX_ERRORS, then one that counts the rest).  `path` "-" is the
 * standard input.
 */
int log_read_file(const char *path, const struct log_read_options *o,
		  struct mot_log *out, struct mot_diags *d);
/* The same from memory (tests), `name` for messages. */
int log_read_buffer(const char *name, const char *data, size_t len,
		    const struct log_read_options *o, struct mot_log *out,
		    struct mot_diags *d);

/*
 * A time: ISO 8601 (YYYY-MM-DD, optionally followed by T or a space and
 * hh:mm, hh:mm:ss or hh:mm:ss.fraction, optionally followed by Z or an
 * offset +hh:mm, +hhmm or +hh; no zone is UTC), or seconds since the
 * epoch (digits, an optional sign and fraction).  Milliseconds since
 * 1970-01-01T00:00:00Z into *ms (finer fractions are cut); -1 when it
 * does not read.  Never depends on the locale.
 */
int log_time_parse(const char *s, size_t len, int64_t *ms);
/* ISO 8601 UTC with milliseconds: 2026-01-01T00:00:00.000Z (buf >= 32). */
char *log_time_format(int64_t ms, char *buf, size_t len);

/* Print diagnostics as "FILE:LINE: error: message" ("FILE: error: ..."
 * when there is no line). */
void log_print_diags(FILE *out, const char *file, const struct mot_diags *d);

/* --- mapping activities to touchpoints (src/log/log_map.c) ------------- */

/* One line of a mapping file: activity -> touchpoint key (NULL: leave the
 * activity's events out on purpose). */
struct log_map_pair {
	const char *activity;
	const char *touchpoint;
	unsigned line;
};

/* What mapping did: activities left out on purpose, and those that map
 * to nothing (the import is then refused). */
struct log_map_report {
	size_t ignored, ignored_events;
	char **unmapped;          /* activity names */
	uint64_t *unmapped_events;
	bool *ambiguous;          /* the name of two touchpoints or more */
	size_t n_unmapped;
};

void log_map_report_free(struct log_map_report *r);

/*
 * Map every activity of l to a touchpoint of j: by key, then by name
 * (when exactly one touchpoint has it), then through the mapping pairs
 * (several activities may map to one touchpoint).  A pair whose
 * touchpoint is no key of j, or a second pair for one activity, is an
 * error in *d with the pair's line.  Activities mapped to NULL are taken out with their events
 * (cases left empty go too).  Returns 0 when every activity is mapped,
 * -1 when some are not (listed in *r, most events first) or a pair is
 * wrong; l is then as it was read.
 */
int log_map(struct mot_log *l, const struct mot_journey *j,
	    const struct log_map_pair *pairs, size_t n_pairs,
	    struct log_map_report *r, struct mot_diags *d);

/*
 * The touchpoint index (in j) of each activity of l, into tp[]
 * (n_activities of them).  Returns 0, or -1 with a message naming the
 * first activity whose touchpoint j no longer has.
 */
int log_touchpoints(const struct mot_log *l, const struct mot_journey *j,
		    size_t *tp, char *err, size_t errlen);

/* --- comparing (src/log/log_compare.c, log_report.c) -------------------- */

/* What the design expects, from analyze_journey(); NAN / NULL when it
 * could not be solved. */
struct log_design {
	double conversion;
	const double *visits;     /* expected visits per case, per touchpoint */
};

struct log_tp_cmp {
	double designed_visits, observed_visits;  /* per case */
	/* Of the visits made by customers who had not bought (yet), the
	 * share that ended the case there: the touchpoint's drop in the
	 * design, 1 where it has no transitions, 0 at a conversion. */
	double designed_drop, observed_drop;
	double observed_conversion;  /* of the cases that came by, bought */
	uint64_t visits, cases, lost, ends;
	uint64_t open_visits;        /* visits before the purchase */
	uint64_t converted;          /* cases that came by and bought */
};

struct log_edge {
	size_t from, to;          /* touchpoint indexes */
	double designed_p;        /* weight over the weights out of `from` */
	double observed_p;        /* count over the steps out of `from` */
	uint64_t count;
	bool designed;
};

struct log_comparison {
	uint64_t cases, events, converted;
	double conversion, designed_conversion;
	double fitness_cases, fitness_steps;
	size_t n;                 /* touchpoints, in the journey's order */
	struct log_tp_cmp *tp;
	uint64_t *moves;          /* per touchpoint: steps out of it */
	uint64_t *first;          /* per touchpoint: cases that began there */
	struct log_edge *edges;   /* designed (journey order), then undesigned
				   * (most observed first) */
	size_t n_edges, n_designed;
	double *entry_designed;   /* per touchpoint: share of the entry weight */
};

/*
 * Everything `mot log compare` reports.  A path fits the design when its
 * first touchpoint is an entry and every step follows a transition; the
 * end of a case is not judged (a customer may leave anywhere in the full
 * model).  Returns 0, or -1 with a message (a touchpoint of the log that
 * the journey no longer has).
 */
int log_compare(const struct mot_journey *j, const struct mot_log *l,
		const struct log_design *design, struct log_comparison *out,
		char *err, size_t errlen);
void log_comparison_free(struct log_comparison *c);

enum log_report_format { LOG_REPORT_TEXT, LOG_REPORT_JSON, LOG_REPORT_CSV };

int log_report_format_parse(const char *s);  /* text, json, csv; -1 */
/* The comparison as text (for people), JSON (everything) or CSV (one
 * long table: kind,from,to,designed,observed,observed_count).  Numbers
 * never depend on the locale. */
void log_report(FILE *out, enum log_report_format f,
		const struct mot_journey *j, const struct mot_log *l,
		const struct log_comparison *c);

/* A gap between design and log, for the designer's overlay. */
enum log_gap_kind { LOG_GAP_VISITS, LOG_GAP_DROP, LOG_GAP_TRANSITION,
		    LOG_GAP_UNDESIGNED, LOG_GAP_UNOBSERVED };

struct log_gap {
	enum log_gap_kind kind;
	size_t tp;          /* the touchpoint (the transition's source) */
	size_t edge;        /* transitions: index into edges */
	double designed, observed;
	double size;        /* in steps per case: how much of the walk differs */
};

/* Every gap, biggest first (*out allocated; NULL when none). */
size_t log_gaps(const struct log_comparison *c, struct log_gap **out);

/* --- fitting (src/log/log_fit.c) ----------------------------------------- */

/*
 * A journey fitted to the log: a copy of j whose entries, transition
 * weights and drops are the posterior means of a Dirichlet prior of
 * strength `prior` pseudo-cases per touchpoint centred on the design.
 * At a touchpoint with V observed visits, E of them the last of their
 * case, and N(t->u) steps to u, where the design says drop d (1 without
 * transitions) and weight share s(u):
 *   drop      = (E + prior d) / (V + prior)
 *   weight(u) = (N(t->u) + prior (1 - d) s(u)) / (V - E + prior (1 - d))
 * so that a designed transition nobody took keeps a small weight, and
 * an observed one the design lacks is added.  Entries the same way from
 * the cases' first touchpoints.  A touchpoint left with no transitions
 * keeps its drop.  Everything else (names, emotions, personas ...) is
 * kept; numbers are rounded to 4 significant digits.  Returns 0, or -1
 * with a message.
 */
int log_fit(const struct mot_journey *j, const struct mot_log *l,
	    double prior, struct mot_journey *out, char *err, size_t errlen);

#endif
