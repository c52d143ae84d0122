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
 * Field checks: keys, empty names, ranges, duplicate keys, transitions and
 * entries to unknown touchpoints.  All are errors.
 */
void model_validate_fields(const struct mot_journey *j, struct mot_diags *d);
/*
 * Graph checks: no entry (error), touchpoints no entry reaches, touchpoints
 * from which no conversion is reachable, stages with no touchpoint, persona
 * shares not summing to 1, no conversion at all (warnings).
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
