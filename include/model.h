/*
 * model.h - the journey model: journeys, touchpoints, transitions, entries
 * and personas, the five Moment-of-Truth stages and the messy-middle phases.
 *
 * The model knows nothing of curses, SQL or YAML.  Every other layer (store,
 * yaml io, export, sim, ui) reads and writes these structures.  All strings
 * are owned, NUL-terminated UTF-8; optional strings may be NULL.
 */
#ifndef MOT_MODEL_H
#define MOT_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum mot_stage {
	MOT_STAGE_LZMOT, /* <ZMOT: awareness, before any search */
	MOT_STAGE_ZMOT,  /* research */
	MOT_STAGE_FMOT,  /* first contact, the decision */
	MOT_STAGE_SMOT,  /* purchase, delivery, use, support */
	MOT_STAGE_TMOT,  /* sharing: reviews, word of mouth */
	MOT_STAGE_COUNT
};

/* Google's "messy middle"; a touchpoint may have no phase at all. */
enum mot_phase {
	MOT_PHASE_NONE,
	MOT_PHASE_EXPOSURE,
	MOT_PHASE_EXPLORATION,
	MOT_PHASE_EVALUATION,
	MOT_PHASE_EXPERIENCE,
	MOT_PHASE_COUNT
};

#define MOT_EMOTION_MIN (-3)
#define MOT_EMOTION_MAX 3
#define MOT_KEY_MAX 64          /* longest key (slug), in bytes */
#define MOT_TEXT_MAX 4096       /* longest name, title, notes ..., in bytes */
#define MOT_ITEM_MAX 1024       /* longest list item, KPI name or unit, in bytes */
#define MOT_LIST_MAX 32         /* most items in one lane list */
#define MOT_KPIS_MAX 16         /* most KPIs on one touchpoint */
#define MOT_KPI_ABS_MAX 1e12    /* KPI values and targets lie in +-this */

/*
 * The lanes of a journey map under the touchpoint cards (a service
 * blueprint's rows).  Thinking and backstage are free text that may span
 * lines; pains, opportunities and evidence are lists of one-line items;
 * KPIs are measured figures.  All optional.
 */
enum mot_lane {
	MOT_LANE_THINKING,      /* what the customer thinks and feels */
	MOT_LANE_PAINS,
	MOT_LANE_OPPORTUNITIES,
	MOT_LANE_BACKSTAGE,     /* the work behind the touchpoint */
	MOT_LANE_EVIDENCE,      /* research behind it: interviews, data */
	MOT_LANE_KPIS,
	MOT_LANE_COUNT
};

/* A list of one-line text items (no line breaks, none empty). */
struct mot_list {
	char **items;
	size_t n;
};

/*
 * A KPI measured at a touchpoint: a name, the measured value, an optional
 * target and an optional unit ("of 5", "%", "min").  Values and targets
 * are finite numbers, negative ones allowed (NPS).  When lower_better the
 * target is a ceiling (waiting minutes, complaints): the KPI misses its
 * target when the value is above it; otherwise when it is below.
 */
struct mot_kpi {
	char *name;
	double value;
	bool has_target;
	double target;
	char *unit;         /* optional */
	bool lower_better;
};

struct mot_transition {
	char *to;           /* key of the target touchpoint */
	double weight;      /* > 0, relative to the other transitions */
	char *label;        /* optional */
	int64_t version;    /* row version in the store; 0 when not stored */
};

struct mot_touchpoint {
	char *key;
	char *name;
	enum mot_stage stage;
	enum mot_phase phase;
	char *channel;      /* optional free text: web, phone, store ... */
	char *owner;        /* optional: the team */
	bool controlled;    /* false for places the company does not run */
	int emotion;        /* -3 .. +3 */
	bool critical;      /* a make-or-break moment */
	bool human;         /* a person can take over here */
	double dwell;       /* minutes, >= 0 */
	bool conversion;    /* reaching it counts as a purchase */
	double drop;        /* probability 0..1 of leaving after it */
	char *notes;        /* optional */
	/* lanes (model_lane_*), all optional */
	char *thinking;     /* may span lines */
	struct mot_list pains;
	struct mot_list opportunities;
	char *backstage;    /* may span lines */
	struct mot_list evidence;
	struct mot_kpi *kpis;
	size_t n_kpis;
	struct mot_transition *next;
	size_t n_next;
	int64_t version;    /* row version in the store; 0 when not stored */
};

struct mot_entry {
	char *to;
	double weight;
};

struct mot_persona {
	char *key;
	char *name;
	char *description;  /* optional */
	double share;       /* 0..1 of the population */
	int patience;       /* most touchpoints a customer visits, >= 1 */
	double explore_bias;        /* > 0; multiplies exploration<->evaluation weights */
	double emotion_sensitivity; /* >= 0 */
	int64_t version;
};

/*
 * A journey.  Touchpoints are kept sorted by stage, then by their order in
 * the stage: the array position *is* the order, so model_touchpoint_move()
 * and friends keep that invariant.
 */
struct mot_journey {
	char *key;
	char *title;
	char *description;  /* optional */
	int64_t created;    /* unix seconds; 0 when unknown */
	int64_t updated;
	struct mot_persona *personas;
	size_t n_personas;
	struct mot_entry *entries;
	size_t n_entries;
	struct mot_touchpoint *touchpoints;
	size_t n_touchpoints;
	int64_t version;
};

/* Defaults for fields a file may leave out. */
#define MOT_DEFAULT_WEIGHT 1.0
#define MOT_DEFAULT_SHARE 1.0
#define MOT_DEFAULT_PATIENCE 50
#define MOT_DEFAULT_EXPLORE_BIAS 1.0
#define MOT_DEFAULT_EMOTION_SENSITIVITY 1.0

/* --- names ------------------------------------------------------------ */

const char *model_stage_key(enum mot_stage s);   /* "lzmot" */
const char *model_stage_label(enum mot_stage s); /* "<ZMOT" */
const char *model_stage_title(enum mot_stage s); /* "Awareness" ... */
int model_stage_parse(const char *s);            /* -1 when unknown */
const char *model_phase_key(enum mot_phase p);   /* "" for NONE */
int model_phase_parse(const char *s);            /* -1 when unknown */
bool model_key_valid(const char *key);           /* slug: [a-z0-9][a-z0-9-]* */

/* --- lifetime ----------------------------------------------------------- */

void model_journey_init(struct mot_journey *j);
void model_journey_free(struct mot_journey *j);
void model_touchpoint_init(struct mot_touchpoint *tp);
void model_touchpoint_free(struct mot_touchpoint *tp);
void model_persona_init(struct mot_persona *p);
void model_persona_free(struct mot_persona *p);
/* Deep copies; return 0, or -1 when out of memory (dst then empty). */
int model_journey_copy(struct mot_journey *dst, const struct mot_journey *src);
int model_touchpoint_copy(struct mot_touchpoint *dst, const struct mot_touchpoint *src);
int model_persona_copy(struct mot_persona *dst, const struct mot_persona *src);

/* --- lanes (model_lanes.c) -------------------------------------------- */

const char *model_lane_key(enum mot_lane l);    /* "pains" */
const char *model_lane_title(enum mot_lane l);  /* "Pain points" */
int model_lane_parse(const char *s);            /* -1 when unknown */
/* Does the touchpoint have anything in lane l? */
bool model_lane_filled(const struct mot_touchpoint *tp, enum mot_lane l);
/* The list behind a list lane (pains, opportunities, evidence), or NULL. */
struct mot_list *model_lane_list(struct mot_touchpoint *tp, enum mot_lane l);
const struct mot_list *model_lane_list_const(const struct mot_touchpoint *tp,
					     enum mot_lane l);

void model_list_add(struct mot_list *l, const char *item);  /* a copy */
void model_list_free(struct mot_list *l);
void model_list_copy(struct mot_list *dst, const struct mot_list *src);
bool model_list_equal(const struct mot_list *a, const struct mot_list *b);

void model_kpi_init(struct mot_kpi *k);
void model_kpi_free(struct mot_kpi *k);
void model_kpi_copy(struct mot_kpi *dst, const struct mot_kpi *src);
/* Append a copy of k to the touchpoint's KPIs. */
void model_kpi_add(struct mot_touchpoint *tp, const struct mot_kpi *k);
/* Has a target and misses it (below it, or above it when lower_better). */
bool model_kpi_missed(const struct mot_kpi *k);
/* Do two touchpoints hold the same KPIs (all of them, in order)? */
bool model_kpis_equal(const struct mot_touchpoint *a,
		      const struct mot_touchpoint *b);
/* Do two touchpoints hold the same lanes? */
bool model_lanes_equal(const struct mot_touchpoint *a,
		       const struct mot_touchpoint *b);

/*
 * A KPI as one line of text, the form the designer's form and the CSV and
 * text exports use:  NAME | VALUE | TARGET | UNIT | lower
 * Trailing empty parts are left out ("CSAT | 3.9 | 4.5 | of 5",
 * "Calls | 120").  A '|' or '\' inside the name or unit is written
 * "\|" or "\\"; numbers in the C locale.  model_kpi_parse() reads that
 * line back (blanks around the parts ignored); on failure it returns -1
 * with a reason in err.  The caller frees *out with model_kpi_free().
 */
char *model_kpi_format(const struct mot_kpi *k);
int model_kpi_parse(const char *line, struct mot_kpi *out, char *err,
		    size_t errlen);

/* --- lookup and edits --------------------------------------------------- */

/* Index of the touchpoint with this key, or -1. */
long model_touchpoint_find(const struct mot_journey *j, const char *key);
long model_persona_find(const struct mot_journey *j, const char *key);
/* Position of tp within its stage (0-based), and the count in a stage. */
size_t model_stage_count(const struct mot_journey *j, enum mot_stage s);
/* Sort touchpoints by stage, keeping the relative order inside a stage. */
void model_journey_sort(struct mot_journey *j);

/* --- validation --------------------------------------------------------- */

enum mot_severity { MOT_ERROR, MOT_WARNING };

/*
 * One finding.  `path` names the field at fault the way the file does, for
 * example "touchpoints[3].emotion" or "touchpoints[0].next[1].to"; the yaml
 * layer turns it into FILE:LINE:COLUMN.
 */
struct mot_diag {
	enum mot_severity severity;
	char path[128];
	char message[256];
	unsigned line, column;  /* 1-based position in a file; 0 when unknown */
	/* The key of the touchpoint or persona the path starts in, when a
	 * file gives it: printed after the message, "touchpoints[1].emotion:
	 * ... (touchpoint 'comparison-portal')", so the reader need not
	 * count. */
	char key[MOT_KEY_MAX + 1];
};

struct mot_diags {
	struct mot_diag *items;
	size_t n, cap;
	size_t errors, warnings;
};

void model_diags_free(struct mot_diags *d);
void model_diag_add(struct mot_diags *d, enum mot_severity sev,
		    const char *path, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * The text rules of mot-journey(5), one check for every way text comes
 * in (a file, an option, a form field, the store): at most `max` bytes
 * of UTF-8, no control characters (C0, DEL, C1); multi-line text may hold
 * line feeds (U+000A) and tabs.  CR, NEL and the Unicode line and
 * paragraph separators are refused everywhere: YAML turns them into
 * U+000A, so they would not come back from a file as they went in.
 * NULL is fine.  Returns true, or false with the reason in why.
 */
bool model_text_ok(const char *s, size_t max, bool multiline, char *why,
		   size_t whylen);
/*
 * Text that breaks those rules, from a database edited by hand (sqlite3),
 * made safe for a terminal and for a file: its control characters written
 * visibly ("^[" for ESC, util_text_visible).  Every other text is left
 * as it is.  The command line cleans what it loads before any output.
 */
void model_journey_clean_text(struct mot_journey *j);

/*
 * Field checks: keys, empty names, ranges, duplicate keys, transitions and
 * entries to unknown touchpoints, text (model_text_ok).  All are errors.
 */
void model_validate_fields(const struct mot_journey *j, struct mot_diags *d);
/*
 * Graph checks, all warnings: touchpoints but no entry, touchpoints no
 * entry reaches, touchpoints from which no conversion is reachable, stages
 * with no touchpoint, persona shares not summing to 1, no conversion.
 */
void model_validate_graph(const struct mot_journey *j, struct mot_diags *d);
/* Both of the above. */
void model_validate(const struct mot_journey *j, struct mot_diags *d);

/* --- numbers ------------------------------------------------------------ */

/*
 * Format a double the way a person types it: the shortest decimal that
 * reads back as the same double ("3", "0.15", "1e-09"), with a decimal
 * point whatever the locale (util_num_format).  buf >= 32 bytes.
 */
char *model_format_number(double v, char *buf, size_t len);

#endif
