/*
 * yamlio.h - the journey file format (man/mot-journey.5), read and written
 * with libcyaml.  One journey per file.
 */
#ifndef MOT_YAMLIO_H
#define MOT_YAMLIO_H

#include <stdio.h>

#include "model.h"

/* Files larger than this are refused before parsing. */
#define YAMLIO_MAX_BYTES (4u * 1024u * 1024u)
/* Deeper nesting than this is refused (the format needs 4 levels). */
#define YAMLIO_MAX_DEPTH 16
/* A broken file stops being read after this many errors (the model's
 * checks, which run only on a file that reads, are not capped). */
#define YAMLIO_MAX_ERRORS 20

/*
 * Load and check a journey file: UTF-8, YAML syntax, known keys, types,
 * ranges, duplicate keys, references (model_validate_fields).  Returns 0 and
 * fills *out, or -1 with at least one error in *d; every diagnostic carries
 * the 1-based line and column of the node at fault and its field path.
 * `name` is the file name used in messages.
 *
 * On success the touchpoints are sorted by stage (model_journey_sort; the
 * paths in diagnostics use the file's order), empty or null (~) optional
 * text is NULL, and absent fields hold the MOT_DEFAULT_* values.  A file
 * that cannot be read at all gets one error with line 0 (no position).
 * Numbers are read in the C locale whatever LC_NUMERIC says.
 */
int yamlio_load_file(const char *path, struct mot_journey *out,
		     struct mot_diags *d);
int yamlio_load_buffer(const char *name, const char *data, size_t len,
		       struct mot_journey *out, struct mot_diags *d);

/*
 * `mot validate`: load like yamlio_load_file(), then also run the graph
 * checks (model_validate_graph) while the node positions are known, so that
 * warnings too carry a line and column.  Returns 0 when there is no error
 * (warnings may be in *d), else -1.
 */
int yamlio_validate_file(const char *path, struct mot_diags *d);

/*
 * Write the canonical file: fixed key order, optional fields that hold
 * their default left out (key, name, title, stage and `to` are always
 * written; booleans only when not their default, e.g. `controlled: false`),
 * numbers as a person types them (model_format_number, C locale), text as
 * UTF-8, quoted only when plain text would not read back as the same
 * string, multi-line text as a literal block.  Writing what
 * yamlio_load_* read gives the same bytes again.  Returns 0 or -1.
 */
int yamlio_write(FILE *out, const struct mot_journey *j);

/*
 * A flat mapping of text to text (the mapping file of `mot log import`,
 * man/mot-log.5): each key with its value, NULL for a null value (~, null
 * or nothing), and the key's line and column.  A key given twice, a
 * nested value, an alias or a file that is not such a mapping are errors
 * with their position in *d.  Returns 0, or -1 with nothing in *out.
 */
struct yamlio_pair {
	char *key;
	char *value;
	unsigned line, column;
};

int yamlio_load_pairs(const char *path, struct yamlio_pair **out, size_t *n,
		      struct mot_diags *d);
void yamlio_pairs_free(struct yamlio_pair *pairs, size_t n);

/* Print diagnostics as "FILE:LINE:COLUMN: error: PATH: message". */
void yamlio_print_diags(FILE *out, const char *file, const struct mot_diags *d);

#endif
