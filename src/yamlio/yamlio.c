/*
 * yamlio.c - loading journey files (man/mot-journey.5).
 *
 * A file goes through four gates, and the first that refuses it ends the
 * load with every problem it found, each at FILE:LINE:COLUMN:
 *   1. bytes: size (YAMLIO_MAX_BYTES) and UTF-8;
 *   2. the libyaml pre-pass (yamlio_scan.c) against yamlio_schema: syntax,
 *      depth, aliases, duplicate/unknown/missing keys, scalar types; it
 *      also records where every node starts;
 *   3. libcyaml loads the file with the same schema into the yamlio_file_*
 *      structs, which are converted to the model (defaults, stage, phase);
 *   4. model_validate_fields(): ranges, keys, names, references.  Its
 *      diagnostics name field paths, which the recorded marks turn into
 *      lines and columns.
 * Writing is in yamlio_write.c.
 */
#include "yamlio.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "yamlio_int.h"

/* --- the schema ---------------------------------------------------------- */

#define OPT (CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL)
#define TEXT(key, flags, type, member) \
	CYAML_FIELD_STRING_PTR(key, flags, type, member, 0, CYAML_UNLIMITED)

static const cyaml_schema_field_t yamlio_transition_fields[] = {
	TEXT("to", CYAML_FLAG_POINTER, struct yamlio_file_transition, to),
	CYAML_FIELD_FLOAT_PTR("weight", OPT, struct yamlio_file_transition, weight),
	TEXT("label", OPT, struct yamlio_file_transition, label),
	CYAML_FIELD_END
};

static const cyaml_schema_value_t yamlio_transition_schema = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct yamlio_file_transition,
			    yamlio_transition_fields),
};

static const cyaml_schema_field_t yamlio_touchpoint_fields[] = {
	TEXT("key", CYAML_FLAG_POINTER, struct yamlio_file_touchpoint, key),
	TEXT("name", CYAML_FLAG_POINTER, struct yamlio_file_touchpoint, name),
	TEXT("stage", CYAML_FLAG_POINTER, struct yamlio_file_touchpoint, stage),
	TEXT("phase", OPT, struct yamlio_file_touchpoint, phase),
	TEXT("channel", OPT, struct yamlio_file_touchpoint, channel),
	TEXT("owner", OPT, struct yamlio_file_touchpoint, owner),
	CYAML_FIELD_BOOL_PTR("controlled", OPT, struct yamlio_file_touchpoint,
			     controlled),
	CYAML_FIELD_INT_PTR("emotion", OPT, struct yamlio_file_touchpoint, emotion),
	CYAML_FIELD_BOOL_PTR("critical", OPT, struct yamlio_file_touchpoint,
			     critical),
	CYAML_FIELD_BOOL_PTR("human", OPT, struct yamlio_file_touchpoint, human),
	CYAML_FIELD_FLOAT_PTR("dwell", OPT, struct yamlio_file_touchpoint, dwell),
	CYAML_FIELD_BOOL_PTR("conversion", OPT, struct yamlio_file_touchpoint,
			     conversion),
	CYAML_FIELD_FLOAT_PTR("drop", OPT, struct yamlio_file_touchpoint, drop),
	TEXT("notes", OPT, struct yamlio_file_touchpoint, notes),
	TEXT("thinking", OPT, struct yamlio_file_touchpoint, thinking),
	CYAML_FIELD_SEQUENCE_COUNT("pains", OPT, struct yamlio_file_touchpoint,
				   pains, n_pains, &yamlio_item_schema, 0,
				   CYAML_UNLIMITED),
	CYAML_FIELD_SEQUENCE_COUNT("opportunities", OPT,
				   struct yamlio_file_touchpoint, opportunities,
				   n_opportunities, &yamlio_item_schema, 0,
				   CYAML_UNLIMITED),
	TEXT("backstage", OPT, struct yamlio_file_touchpoint, backstage),
	CYAML_FIELD_SEQUENCE_COUNT("evidence", OPT,
				   struct yamlio_file_touchpoint, evidence,
				   n_evidence, &yamlio_item_schema, 0,
				   CYAML_UNLIMITED),
	CYAML_FIELD_SEQUENCE_COUNT("kpis", OPT, struct yamlio_file_touchpoint,
				   kpis, n_kpis, &yamlio_kpi_schema, 0,
				   CYAML_UNLIMITED),
	CYAML_FIELD_SEQUENCE_COUNT("next", OPT, struct yamlio_file_touchpoint,
				   next, n_next, &yamlio_transition_schema, 0,
				   CYAML_UNLIMITED),
	CYAML_FIELD_END
};

static const cyaml_schema_value_t yamlio_touchpoint_schema = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct yamlio_file_touchpoint,
			    yamlio_touchpoint_fields),
};

static const cyaml_schema_field_t yamlio_entry_fields[] = {
	TEXT("to", CYAML_FLAG_POINTER, struct yamlio_file_entry, to),
	CYAML_FIELD_FLOAT_PTR("weight", OPT, struct yamlio_file_entry, weight),
	CYAML_FIELD_END
};

static const cyaml_schema_value_t yamlio_entry_schema = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct yamlio_file_entry,
			    yamlio_entry_fields),
};

static const cyaml_schema_field_t yamlio_persona_fields[] = {
	TEXT("key", CYAML_FLAG_POINTER, struct yamlio_file_persona, key),
	TEXT("name", CYAML_FLAG_POINTER, struct yamlio_file_persona, name),
	TEXT("description", OPT, struct yamlio_file_persona, description),
	CYAML_FIELD_FLOAT_PTR("share", OPT, struct yamlio_file_persona, share),
	CYAML_FIELD_INT_PTR("patience", OPT, struct yamlio_file_persona, patience),
	CYAML_FIELD_FLOAT_PTR("explore_bias", OPT, struct yamlio_file_persona,
			      explore_bias),
	CYAML_FIELD_FLOAT_PTR("emotion_sensitivity", OPT,
			      struct yamlio_file_persona, emotion_sensitivity),
	CYAML_FIELD_END
};

static const cyaml_schema_value_t yamlio_persona_schema = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct yamlio_file_persona,
			    yamlio_persona_fields),
};

static const cyaml_schema_field_t yamlio_journey_fields[] = {
	TEXT("key", CYAML_FLAG_POINTER, struct yamlio_file_journey, key),
	TEXT("title", CYAML_FLAG_POINTER, struct yamlio_file_journey, title),
	TEXT("description", OPT, struct yamlio_file_journey, description),
	CYAML_FIELD_SEQUENCE_COUNT("personas", OPT, struct yamlio_file_journey,
				   personas, n_personas, &yamlio_persona_schema,
				   0, CYAML_UNLIMITED),
	CYAML_FIELD_SEQUENCE_COUNT("entries", OPT, struct yamlio_file_journey,
				   entries, n_entries, &yamlio_entry_schema, 0,
				   CYAML_UNLIMITED),
	CYAML_FIELD_SEQUENCE_COUNT("touchpoints", OPT, struct yamlio_file_journey,
				   touchpoints, n_touchpoints,
				   &yamlio_touchpoint_schema, 0, CYAML_UNLIMITED),
	CYAML_FIELD_END
};

const cyaml_schema_value_t yamlio_schema = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_POINTER, struct yamlio_file_journey,
			    yamlio_journey_fields),
};

/* --- gate 1: bytes ------------------------------------------------------- */

/* Offset of the first byte that is not part of valid UTF-8, or len.
 * Overlong forms, surrogates and code points above U+10FFFF are invalid. */
static size_t yamlio_utf8_bad(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t n;
		uint32_t cp;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			n = 1, cp = c & 0x1f;
		else if (c >= 0xe0 && c <= 0xef)
			n = 2, cp = c & 0x0f;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 3, cp = c & 0x07;
		else
			return i;
		if (len - i <= n)
			return i;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if ((n == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (n == 3 && (cp < 0x10000 || cp > 0x10ffff)))
			return i;
		i += n + 1;
	}
	return len;
}

static int yamlio_check_bytes(const char *data, size_t len, struct mot_diags *d)
{
	size_t bad;
	unsigned line, column;

	if (len > YAMLIO_MAX_BYTES) {
		yamlio_error_at(d, 1, 1, "", "the file is %zu bytes, more than "
				"the limit of %u", len, YAMLIO_MAX_BYTES);
		return -1;
	}
	bad = yamlio_utf8_bad((const unsigned char *)data, len);
	if (bad < len) {
		yamlio_position(data, len, bad, &line, &column);
		yamlio_error_at(d, line, column, "", "not UTF-8: byte 0x%02x "
				"cannot start or continue a character here "
				"(save the file as UTF-8)",
				(unsigned char)data[bad]);
		return -1;
	}
	return 0;
}

/* --- gate 3: libcyaml and conversion ------------------------------------- */

/* libcyaml's log, kept rather than printed: its first error line, and the
 * position of the innermost node of the backtrace that follows it. */
struct yamlio_cyaml_log {
	char message[256];
	char field[64];
	unsigned line, column;
	bool backtrace;
};

static void yamlio_cyaml_log(cyaml_log_t level, void *ctx, const char *fmt,
			     va_list args)
{
	struct yamlio_cyaml_log *log = ctx;
	char text[256], *p;

	(void)level;
	vsnprintf(text, sizeof text, fmt, args);
	text[strcspn(text, "\n")] = '\0';
	if (strstr(text, "Backtrace")) {
		log->backtrace = true;
	} else if (!log->backtrace && !log->message[0]) {
		p = strncmp(text, "Load: ", 6) == 0 ? text + 6 : text;
		snprintf(log->message, sizeof log->message, "%s", p);
	} else if (log->backtrace && !log->line &&
		   (p = strstr(text, "(line: "))) {
		if (sscanf(p, "(line: %u, column: %u)", &log->line,
			   &log->column) != 2)
			log->line = log->column = 0;
		if ((p = strchr(text, '\'')))
			sscanf(p + 1, "%63[^']", log->field);
	}
}

/* Text fields: "", and plain nulls (~, null) that libcyaml keeps as the
 * words, are absent.  Paths are only built when the file had nulls. */
char *yamlio_text(const struct yamlio_marks *m, const char *s,
		  const char *fmt, ...)
{
	char path[160];
	const struct yamlio_mark *k;
	va_list ap;

	if (!s || !*s)
		return NULL;
	if (m->n_null > 0) {
		va_start(ap, fmt);
		vsnprintf(path, sizeof path, fmt, ap);
		va_end(ap);
		k = yamlio_marks_find(m, path);
		if (k && k->null)
			return NULL;
	}
	return xstrdup(s);
}

#define OR(p, def) ((p) ? *(p) : (def))

static void yamlio_stage(const char *s, size_t i, struct mot_touchpoint *tp,
			 struct mot_diags *d)
{
	char path[64];
	int v = model_stage_parse(s);

	if (v >= 0) {
		tp->stage = (enum mot_stage)v;
		return;
	}
	snprintf(path, sizeof path, "touchpoints[%zu].stage", i);
	model_diag_add(d, MOT_ERROR, path, "unknown stage '%.40s': must be "
		       "one of %s, %s, %s, %s, %s", s ? s : "",
		       model_stage_key(MOT_STAGE_LZMOT),
		       model_stage_key(MOT_STAGE_ZMOT),
		       model_stage_key(MOT_STAGE_FMOT),
		       model_stage_key(MOT_STAGE_SMOT),
		       model_stage_key(MOT_STAGE_TMOT));
}

/* A phase may be left out; "none" says the same thing explicitly. */
static void yamlio_phase(const char *s, size_t i, struct mot_touchpoint *tp,
			 struct mot_diags *d)
{
	char path[64];
	int v = s && strcmp(s, "none") == 0 ? MOT_PHASE_NONE : model_phase_parse(s);

	if (v >= 0) {
		tp->phase = (enum mot_phase)v;
		return;
	}
	snprintf(path, sizeof path, "touchpoints[%zu].phase", i);
	model_diag_add(d, MOT_ERROR, path, "unknown phase '%.40s': must be "
		       "one of %s, %s, %s, %s (or none)", s,
		       model_phase_key(MOT_PHASE_EXPOSURE),
		       model_phase_key(MOT_PHASE_EXPLORATION),
		       model_phase_key(MOT_PHASE_EVALUATION),
		       model_phase_key(MOT_PHASE_EXPERIENCE));
}

static void yamlio_convert_next(const struct yamlio_file_touchpoint *f,
				size_t i, struct mot_touchpoint *tp,
				const struct yamlio_marks *m)
{
	tp->n_next = f->n_next;
	tp->next = f->n_next ? xcalloc(f->n_next, sizeof *tp->next) : NULL;
	for (size_t k = 0; k < f->n_next; k++) {
		const struct yamlio_file_transition *t = &f->next[k];
		tp->next[k].to = yamlio_text(m, t->to,
					     "touchpoints[%zu].next[%zu].to", i, k);
		tp->next[k].weight = OR(t->weight, MOT_DEFAULT_WEIGHT);
		tp->next[k].label = yamlio_text(m, t->label,
						"touchpoints[%zu].next[%zu].label",
						i, k);
	}
}

static void yamlio_convert_touchpoint(const struct yamlio_file_touchpoint *f,
				      size_t i, struct mot_touchpoint *tp,
				      const struct yamlio_marks *m,
				      struct mot_diags *d)
{
	model_touchpoint_init(tp);
	tp->key = yamlio_text(m, f->key, "touchpoints[%zu].key", i);
	tp->name = yamlio_text(m, f->name, "touchpoints[%zu].name", i);
	yamlio_stage(f->stage, i, tp, d);
	yamlio_phase(f->phase, i, tp, d);
	tp->channel = yamlio_text(m, f->channel, "touchpoints[%zu].channel", i);
	tp->owner = yamlio_text(m, f->owner, "touchpoints[%zu].owner", i);
	tp->controlled = OR(f->controlled, true);
	tp->emotion = OR(f->emotion, 0);
	tp->critical = OR(f->critical, false);
	tp->human = OR(f->human, false);
	tp->dwell = OR(f->dwell, 0.0);
	tp->conversion = OR(f->conversion, false);
	tp->drop = OR(f->drop, 0.0);
	tp->notes = yamlio_text(m, f->notes, "touchpoints[%zu].notes", i);
	yamlio_convert_lanes(f, i, tp, m, d);
	yamlio_convert_next(f, i, tp, m);
}

static void yamlio_convert_persona(const struct yamlio_file_persona *f,
				   size_t i, struct mot_persona *p,
				   const struct yamlio_marks *m)
{
	model_persona_init(p);
	p->key = yamlio_text(m, f->key, "personas[%zu].key", i);
	p->name = yamlio_text(m, f->name, "personas[%zu].name", i);
	p->description = yamlio_text(m, f->description,
				     "personas[%zu].description", i);
	p->share = OR(f->share, MOT_DEFAULT_SHARE);
	p->patience = OR(f->patience, MOT_DEFAULT_PATIENCE);
	p->explore_bias = OR(f->explore_bias, MOT_DEFAULT_EXPLORE_BIAS);
	p->emotion_sensitivity = OR(f->emotion_sensitivity,
				    MOT_DEFAULT_EMOTION_SENSITIVITY);
}

static void yamlio_convert(const struct yamlio_file_journey *f,
			   const struct yamlio_marks *m, struct mot_journey *j,
			   struct mot_diags *d)
{
	j->key = yamlio_text(m, f->key, "key");
	j->title = yamlio_text(m, f->title, "title");
	j->description = yamlio_text(m, f->description, "description");
	j->n_personas = f->n_personas;
	j->personas = xcalloc(f->n_personas + 1, sizeof *j->personas);
	for (size_t i = 0; i < f->n_personas; i++)
		yamlio_convert_persona(&f->personas[i], i, &j->personas[i], m);
	j->n_entries = f->n_entries;
	j->entries = xcalloc(f->n_entries + 1, sizeof *j->entries);
	for (size_t i = 0; i < f->n_entries; i++) {
		j->entries[i].to = yamlio_text(m, f->entries[i].to,
					       "entries[%zu].to", i);
		j->entries[i].weight = OR(f->entries[i].weight,
					  MOT_DEFAULT_WEIGHT);
	}
	j->n_touchpoints = f->n_touchpoints;
	j->touchpoints = xcalloc(f->n_touchpoints + 1, sizeof *j->touchpoints);
	for (size_t i = 0; i < f->n_touchpoints; i++)
		yamlio_convert_touchpoint(&f->touchpoints[i], i,
					  &j->touchpoints[i], m, d);
}

static int yamlio_cyaml(const char *data, size_t len,
			const struct yamlio_marks *m, struct mot_journey *j,
			struct mot_diags *d)
{
	struct yamlio_cyaml_log log;
	cyaml_config_t cfg;
	struct yamlio_file_journey *f = NULL;
	cyaml_err_t err;

	memset(&log, 0, sizeof log);
	memset(&cfg, 0, sizeof cfg);
	cfg.log_fn = yamlio_cyaml_log;
	cfg.log_ctx = &log;
	cfg.log_level = CYAML_LOG_ERROR;
	cfg.mem_fn = cyaml_mem;
	cfg.flags = CYAML_CFG_NO_ALIAS;
	err = cyaml_load_data((const uint8_t *)data, len, &cfg, &yamlio_schema,
			      (cyaml_data_t **)&f, NULL);
	/* The pre-pass should have refused anything libcyaml refuses; if
	 * it did not, say what libcyaml said, where it said it. */
	if (err != CYAML_OK || !f) {
		yamlio_error_at(d, log.line ? log.line : 1,
				log.line ? log.column : 1, log.field,
				"cannot load the journey: %s%s%s",
				err != CYAML_OK ? cyaml_strerror(err) : "no data",
				log.message[0] ? ": " : "", log.message);
		if (f)
			cyaml_free(&cfg, &yamlio_schema, f, 0);
		return -1;
	}
	yamlio_convert(f, m, j, d);
	cyaml_free(&cfg, &yamlio_schema, f, 0);
	return 0;
}

/* --- gate 4 and locations ------------------------------------------------ */

/*
 * Give the diagnostics from `first` on that have none a line and column.
 * The load's first pass recorded only the null marks (most files have no
 * problem, and recording every node's position is a good part of the
 * time a big file takes): scan the file again for all of them, once, and
 * only when some diagnostic needs one.
 */
static void yamlio_locate(struct mot_diags *d, size_t first,
			  const char *data, size_t len)
{
	struct yamlio_marks all;
	struct mot_diags scratch;
	bool need = false;

	for (size_t i = first; i < d->n && !need; i++)
		need = d->items[i].line == 0;
	if (!need)
		return;
	memset(&all, 0, sizeof all);
	memset(&scratch, 0, sizeof scratch);
	yamlio_scan(data, len, &all, &scratch);
	model_diags_free(&scratch);
	for (size_t i = first; i < d->n; i++) {
		struct mot_diag *g = &d->items[i];
		const struct yamlio_mark *k;

		if (g->line != 0)
			continue;
		k = yamlio_marks_locate(&all, g->path);
		g->line = k ? k->line : 1;
		g->column = k ? k->column : 1;
	}
	yamlio_marks_free(&all);
}

/* The key of the item a path starts in: "touchpoints[3]..." is the
 * fourth touchpoint in file order, as j holds them before sorting. */
static void yamlio_keys(struct mot_diags *d, size_t first,
			const struct mot_journey *j)
{
	for (size_t i = first; i < d->n; i++) {
		struct mot_diag *g = &d->items[i];
		const char *key = NULL;
		size_t k;

		if (sscanf(g->path, "touchpoints[%zu]", &k) == 1 &&
		    k < j->n_touchpoints)
			key = j->touchpoints[k].key;
		else if (sscanf(g->path, "personas[%zu]", &k) == 1 &&
			 k < j->n_personas)
			key = j->personas[k].key;
		if (key && model_key_valid(key) && strlen(key) <= MOT_KEY_MAX)
			snprintf(g->key, sizeof g->key, "%s", key);
	}
}

struct yamlio_order {
	unsigned line, column;
	size_t pos;
};

static int yamlio_order_cmp(const void *a, const void *b)
{
	const struct yamlio_order *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Diagnostics in file order (stable): the model reports by kind, the
 * reader wants to walk the file from the top. */
static void yamlio_sort(struct mot_diags *d, size_t first)
{
	size_t n = d->n - first;
	struct yamlio_order *o;
	struct mot_diag *sorted;

	if (n < 2)
		return;
	o = xcalloc(n, sizeof *o);
	for (size_t i = 0; i < n; i++) {
		o[i].line = d->items[first + i].line;
		o[i].column = d->items[first + i].column;
		o[i].pos = first + i;
	}
	qsort(o, n, sizeof *o, yamlio_order_cmp);
	sorted = xcalloc(n, sizeof *sorted);
	for (size_t i = 0; i < n; i++)
		sorted[i] = d->items[o[i].pos];
	memcpy(d->items + first, sorted, n * sizeof *sorted);
	free(sorted);
	free(o);
}

/* Gates 2 to 4 (and the graph checks when asked); j is filled on success. */
static int yamlio_load(const char *data, size_t len, struct mot_journey *j,
		       struct mot_diags *d, bool graph)
{
	struct yamlio_marks marks;
	struct util_locale loc;
	size_t first = d->n, errors = d->errors;
	int rc = -1;

	memset(&marks, 0, sizeof marks);
	marks.nulls_only = true;	/* all of them only when needed */
	/* libcyaml reads numbers with strtod(): a journey file must not
	 * change meaning with the user's locale ("0,5" in a Dutch one). */
	util_locale_c_enter(&loc);
	/* The model checks run even after an unknown stage or phase, so
	 * that one load reports all of a file's problems. */
	if (yamlio_scan(data, len, &marks, d) == 0 &&
	    yamlio_cyaml(data, len, &marks, j, d) == 0) {
		model_validate_fields(j, d);
		if (graph && d->errors == errors)
			model_validate_graph(j, d);
		rc = d->errors == errors ? 0 : -1;
	}
	yamlio_locate(d, first, data, len);
	util_locale_c_leave(&loc);
	yamlio_keys(d, first, j);
	yamlio_sort(d, first);
	yamlio_marks_free(&marks);
	if (rc == 0)
		model_journey_sort(j);	/* after the checks: paths are file order */
	else
		model_journey_free(j);
	return rc;
}

int yamlio_load_buffer(const char *name, const char *data, size_t len,
		       struct mot_journey *out, struct mot_diags *d)
{
	(void)name;	/* diagnostics carry positions; the caller prints names */
	model_journey_init(out);
	if (!data)	/* libyaml asserts on a NULL input */
		data = "", len = 0;
	if (yamlio_check_bytes(data, len, d) != 0)
		return -1;
	return yamlio_load(data, len, out, d, false);
}

/* Read a file for loading; errors go to d (with no position when the file
 * cannot be read at all). */
static int yamlio_read(const char *path, char **data, size_t *len,
		       struct mot_diags *d)
{
	char err[512];
	size_t plen = strlen(path);
	struct stat st;

	/* Refuse a huge file before reading any of it. */
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    (uintmax_t)st.st_size > YAMLIO_MAX_BYTES) {
		yamlio_error_at(d, 1, 1, "", "the file is %ju bytes, more than "
				"the limit of %u", (uintmax_t)st.st_size,
				YAMLIO_MAX_BYTES);
		return -1;
	}
	if (util_read_file(path, YAMLIO_MAX_BYTES, data, len, err,
			   sizeof err) != 0) {
		/* util_read_file says "PATH: why"; the printer adds PATH */
		model_diag_add(d, MOT_ERROR, "", "%s",
			       strncmp(err, path, plen) == 0 &&
			       strncmp(err + plen, ": ", 2) == 0 ?
			       err + plen + 2 : err);
		return -1;
	}
	return 0;
}

int yamlio_load_file(const char *path, struct mot_journey *out,
		     struct mot_diags *d)
{
	char *data;
	size_t len;
	int rc;

	model_journey_init(out);
	if (yamlio_read(path, &data, &len, d) != 0)
		return -1;
	rc = yamlio_load_buffer(path, data, len, out, d);
	free(data);
	return rc;
}

int yamlio_validate_file(const char *path, struct mot_diags *d)
{
	struct mot_journey j;
	char *data;
	size_t len;
	int rc = -1;

	model_journey_init(&j);
	if (yamlio_read(path, &data, &len, d) != 0)
		return -1;
	if (yamlio_check_bytes(data, len, d) == 0 &&
	    yamlio_load(data, len, &j, d, true) == 0) {
		model_journey_free(&j);
		rc = 0;
	}
	free(data);
	return rc;
}

/* --- printing ------------------------------------------------------------ */

void yamlio_print_diags(FILE *out, const char *file, const struct mot_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct mot_diag *g = &d->items[i];

		fprintf(out, "%s:", file);
		if (g->line > 0)
			fprintf(out, "%u:%u:", g->line, g->column);
		fprintf(out, " %s: ", g->severity == MOT_ERROR ? "error" : "warning");
		if (g->path[0])
			fprintf(out, "%s: ", g->path);
		/* The index says where, the key which one. */
		if (g->key[0] && strncmp(g->path, "personas[", 9) == 0)
			fprintf(out, "%s (persona '%s')\n", g->message, g->key);
		else if (g->key[0])
			fprintf(out, "%s (touchpoint '%s')\n", g->message,
				g->key);
		else
			fprintf(out, "%s\n", g->message);
	}
}
