/*
 * yamlio_int.h - private to src/yamlio*.c: the libcyaml schema of the
 * journey file, and the libyaml pre-pass that checks a file against that
 * same schema and remembers where each node starts.
 */
#ifndef MOT_YAMLIO_INT_H
#define MOT_YAMLIO_INT_H

#include <stdbool.h>
#include <stddef.h>


#include <cyaml/cyaml.h>

#include "model.h"
#include "util.h"

/*
 * The file as libcyaml loads it.  Optional scalars are pointers, NULL when
 * the key is absent, so that defaults which are not zero (weight 1,
 * patience 50 ...) can be told from values the file gives.  Stage and
 * phase stay strings: model_stage_parse() owns their names.
 */
struct yamlio_file_transition {
	char *to;
	double *weight;
	char *label;
};

/* A KPI; `better` is "higher" (the default) or "lower". */
struct yamlio_file_kpi {
	char *name;
	double value;
	double *target;
	char *unit;
	char *better;
};

struct yamlio_file_touchpoint {
	char *key;
	char *name;
	char *stage;
	char *phase;
	char *channel;
	char *owner;
	bool *controlled;
	int *emotion;
	bool *critical;
	bool *human;
	double *dwell;
	bool *conversion;
	double *drop;
	char *notes;
	char *thinking;
	char **pains;
	unsigned n_pains;
	char **opportunities;
	unsigned n_opportunities;
	char *backstage;
	char **evidence;
	unsigned n_evidence;
	struct yamlio_file_kpi *kpis;
	unsigned n_kpis;
	struct yamlio_file_transition *next;
	unsigned n_next;
};

struct yamlio_file_entry {
	char *to;
	double *weight;
};

struct yamlio_file_persona {
	char *key;
	char *name;
	char *description;
	double *share;
	int *patience;
	double *explore_bias;
	double *emotion_sensitivity;
};

struct yamlio_file_journey {
	char *key;
	char *title;
	char *description;
	struct yamlio_file_persona *personas;
	unsigned n_personas;
	struct yamlio_file_entry *entries;
	unsigned n_entries;
	struct yamlio_file_touchpoint *touchpoints;
	unsigned n_touchpoints;
};

/* The one schema: libcyaml loads with it and the pre-pass walks it. */
extern const cyaml_schema_value_t yamlio_schema;
/* Its parts for the lanes (yamlio_lanes.c): a list item and a KPI. */
extern const cyaml_schema_value_t yamlio_item_schema;
extern const cyaml_schema_value_t yamlio_kpi_schema;

/* --- lanes (yamlio_lanes.c) ---------------------------------------------- */

struct yamlio_marks;

/* Text as the model keeps it: NULL for "", and for a plain null (~) when
 * the marks say the node at the printf-style path was one. */
char *yamlio_text(const struct yamlio_marks *m, const char *s,
		  const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Copy the lanes of file touchpoint i into tp; a bad `better` is an error
 * in d. */
void yamlio_convert_lanes(const struct yamlio_file_touchpoint *f, size_t i,
			  struct mot_touchpoint *tp,
			  const struct yamlio_marks *m, struct mot_diags *d);

/* --- node positions ------------------------------------------------------ */

struct yamlio_mark {
	size_t path;            /* offset of the NUL-terminated path in names */
	unsigned line, column;  /* 1-based */
	bool null;              /* a plain null scalar: ~, null, or nothing */
};

/* Where each node of a file starts, by field path ("touchpoints[2].drop").
 * A hash table over the marks, since a 4 MB file has many nodes. */
struct yamlio_marks {
	struct strbuf names;
	struct yamlio_mark *items;
	size_t n, cap;
	size_t *slots;          /* index + 1 into items; 0 = free */
	size_t n_slots;
	size_t n_null;          /* marks with null set */
	/* Record only the null marks: the first pass over a file, which
	 * needs no positions unless the checks find a problem (then the
	 * file is scanned again for all of them). */
	bool nulls_only;
};

void yamlio_marks_free(struct yamlio_marks *m);
const struct yamlio_mark *yamlio_marks_find(const struct yamlio_marks *m,
					    const char *path);
/* The mark of `path`, or of its nearest recorded ancestor, or NULL. */
const struct yamlio_mark *yamlio_marks_locate(const struct yamlio_marks *m,
					      const char *path);

/* --- the pre-pass -------------------------------------------------------- */

/*
 * Check `data` (already known to be UTF-8 and not too large): YAML syntax,
 * one document, no aliases, nesting depth, duplicate and unknown keys,
 * missing required keys and scalar types, all against yamlio_schema.
 * Records the position of every node in *marks.  Adds errors with line and
 * column to *d and returns how many it added.
 */
size_t yamlio_scan(const char *data, size_t len, struct yamlio_marks *marks,
		   struct mot_diags *d);

/* 1-based line and column (in characters) of byte `offset` of data. */
void yamlio_position(const char *data, size_t len, size_t offset,
		     unsigned *line, unsigned *column);

/* Add an error located at line:column. */
void yamlio_error_at(struct mot_diags *d, unsigned line, unsigned column,
		     const char *path, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

#endif
