/*
 * yamlio_scan.c - the libyaml pre-pass over a journey file.
 *
 * libcyaml refuses a bad file with an error code and a log line, but with
 * no position a user can act on.  So before libcyaml sees a file, this pass
 * reads the libyaml event stream itself, walks the very schema libcyaml
 * will load with (yamlio_schema, cyaml_schema_field_t tables), and reports
 * every problem of the file as such - syntax, depth, aliases, duplicate or
 * unknown keys, missing keys, scalar types - at the node's line and column.
 * It also records where each node starts, by field path, so that the
 * model's own checks (which know paths, not positions) can be located.
 *
 * Whatever this pass accepts, libcyaml must accept too, so it is the
 * stricter of the two: numbers are plain decimal scalars (libcyaml reads
 * integers with strtoll base 0, where "010" would be 8), booleans are the
 * YAML words (libcyaml takes any other text as true).
 */
#include "yamlio_int.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "yamlio.h"

/* --- marks --------------------------------------------------------------- */

static size_t yamlio_hash(const char *s)
{
	size_t h = 1469598103934665603u;	/* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static const char *yamlio_mark_path(const struct yamlio_marks *m, size_t i)
{
	return m->names.s + m->items[i].path;
}

static void yamlio_marks_slot(struct yamlio_marks *m, size_t i)
{
	size_t mask = m->n_slots - 1;
	size_t h = yamlio_hash(yamlio_mark_path(m, i)) & mask;

	while (m->slots[h])
		h = (h + 1) & mask;
	m->slots[h] = i + 1;
}

/* Keep the table at most half full: probes stay short. */
static void yamlio_marks_grow(struct yamlio_marks *m)
{
	free(m->slots);
	m->n_slots = m->n_slots ? m->n_slots * 2 : 256;
	m->slots = xcalloc(m->n_slots, sizeof *m->slots);
	for (size_t i = 0; i < m->n; i++)
		yamlio_marks_slot(m, i);
}

const struct yamlio_mark *yamlio_marks_find(const struct yamlio_marks *m,
					    const char *path)
{
	size_t mask, h;

	if (m->n_slots == 0)
		return NULL;
	mask = m->n_slots - 1;
	for (h = yamlio_hash(path) & mask; m->slots[h]; h = (h + 1) & mask)
		if (strcmp(yamlio_mark_path(m, m->slots[h] - 1), path) == 0)
			return &m->items[m->slots[h] - 1];
	return NULL;
}

static void yamlio_marks_add(struct yamlio_marks *m, const char *path,
			     const yaml_mark_t *at, bool null)
{
	struct yamlio_mark *k;

	if ((m->nulls_only && !null) || yamlio_marks_find(m, path))
		return;
	util_reserve((void **)&m->items, &m->cap, m->n + 1, sizeof *m->items);
	k = &m->items[m->n];
	k->path = m->names.len;
	k->line = (unsigned)at->line + 1;
	k->column = (unsigned)at->column + 1;
	k->null = null;
	strbuf_add(&m->names, path, strlen(path) + 1);
	m->n++;
	m->n_null += null;
	if (m->n * 2 > m->n_slots)
		yamlio_marks_grow(m);
	else
		yamlio_marks_slot(m, m->n - 1);
}

const struct yamlio_mark *yamlio_marks_locate(const struct yamlio_marks *m,
					      const char *path)
{
	char *p = xstrdup(path);
	const struct yamlio_mark *k;

	/* "touchpoints[2].next[0].to" -> "touchpoints[2].next[0]" ->
	 * "touchpoints[2].next" -> ... -> "" (the root mapping) */
	while (!(k = yamlio_marks_find(m, p)) && *p) {
		char *cut = strrchr(p, p[strlen(p) - 1] == ']' ? '[' : '.');
		*(cut ? cut : p) = '\0';
	}
	free(p);
	return k;
}

void yamlio_marks_free(struct yamlio_marks *m)
{
	strbuf_free(&m->names);
	free(m->items);
	free(m->slots);
	memset(m, 0, sizeof *m);
}

/* --- diagnostics --------------------------------------------------------- */

void yamlio_error_at(struct mot_diags *d, unsigned line, unsigned column,
		     const char *path, const char *fmt, ...)
{
	char msg[sizeof d->items[0].message];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	model_diag_add(d, MOT_ERROR, path, "%s", msg);
	d->items[d->n - 1].line = line;
	d->items[d->n - 1].column = column;
}

void yamlio_position(const char *data, size_t len, size_t offset,
		     unsigned *line, unsigned *column)
{
	unsigned l = 1, c = 1;

	for (size_t i = 0; i < offset && i < len; i++) {
		unsigned char b = (unsigned char)data[i];
		if (b == '\n') {
			l++;
			c = 1;
		} else if ((b & 0xc0) != 0x80) {	/* columns count characters */
			c++;
		}
	}
	*line = l;
	*column = c;
}

/* --- the walk ------------------------------------------------------------ */

/* A schema mapping has fewer fields than this (touchpoints: 15). */
#define YAMLIO_MAX_FIELDS 32

struct yamlio_frame {
	bool map;                               /* else a sequence */
	const cyaml_schema_value_t *schema;     /* NULL: skipped, already refused */
	size_t path_len;                        /* this node's path */
	yaml_mark_t start;
	/* mapping */
	bool in_value;                          /* the key is read, value next */
	const cyaml_schema_value_t *value;      /* schema of that value */
	uint32_t seen;                          /* fields given, by index */
	unsigned seen_line[YAMLIO_MAX_FIELDS];
	/* sequence */
	size_t index;
};

struct yamlio_scan {
	yaml_parser_t parser;
	const char *data;
	size_t len;
	struct strbuf path;
	struct yamlio_frame stack[YAMLIO_MAX_DEPTH];
	size_t depth;
	struct yamlio_marks *marks;
	struct mot_diags *d;
	size_t errors;
	int documents;
	bool stop;
};

static void yamlio_scan_error(struct yamlio_scan *sc, const yaml_mark_t *at,
			      const char *path, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void yamlio_scan_error(struct yamlio_scan *sc, const yaml_mark_t *at,
			      const char *path, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	yamlio_error_at(sc->d, (unsigned)at->line + 1, (unsigned)at->column + 1,
			path, "%s", msg);
	if (++sc->errors >= YAMLIO_MAX_ERRORS)
		sc->stop = true;
}

static void yamlio_path_cut(struct yamlio_scan *sc, size_t len)
{
	sc->path.len = len;
	sc->path.s[len] = '\0';
}

static void yamlio_path_key(struct yamlio_scan *sc, const char *key)
{
	if (sc->path.len > 0)
		strbuf_add(&sc->path, ".", 1);
	strbuf_puts(&sc->path, key);
}

/* Up to 40 bytes of a scalar for a message, cut on a character boundary,
 * with line breaks and tabs shown as spaces. */
static const char *yamlio_snip(const char *v, size_t n, char *buf, size_t size)
{
	size_t k = n < 40 ? n : 40;

	if (k + 4 > size)
		k = size - 4;
	while (k > 0 && k < n && ((unsigned char)v[k] & 0xc0) == 0x80)
		k--;
	for (size_t i = 0; i < k; i++)
		buf[i] = (v[i] == '\n' || v[i] == '\t' || v[i] == '\r') ? ' ' : v[i];
	strcpy(buf + k, k < n ? "..." : "");
	return buf;
}

static bool yamlio_is_null(const char *v, size_t n, bool plain)
{
	return plain && (n == 0 || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
			 strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0);
}

static const char *yamlio_expected(const cyaml_schema_value_t *s)
{
	switch (s->type) {
	case CYAML_STRING: return "text";
	case CYAML_INT: return "a whole number";
	case CYAML_FLOAT: return "a number";
	case CYAML_BOOL: return "true or false";
	case CYAML_MAPPING: return "a mapping of keys to values";
	case CYAML_SEQUENCE: return "a list";
	default: return "something else";
	}
}

/* What the file has instead, for "expected X, got Y". */
static const char *yamlio_got(const yaml_event_t *ev, char *buf, size_t size)
{
	char snip[64];
	const char *v;
	size_t n;

	if (ev->type == YAML_SEQUENCE_START_EVENT)
		return "a list";
	if (ev->type == YAML_MAPPING_START_EVENT)
		return "a mapping";
	v = (const char *)ev->data.scalar.value;
	n = ev->data.scalar.length;
	if (yamlio_is_null(v, n, ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE))
		return "nothing (an empty value)";
	yamlio_snip(v, n, snip, sizeof snip);
	if (ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		snprintf(buf, size, "'%s'", snip);
	else
		snprintf(buf, size, "the quoted text \"%s\" (numbers and "
			 "true/false take no quotes)", snip);
	return buf;
}

static void yamlio_type_error(struct yamlio_scan *sc, const yaml_event_t *ev,
			      const cyaml_schema_value_t *schema)
{
	char buf[192];

	yamlio_scan_error(sc, &ev->start_mark, sc->path.s, "expected %s, got %s",
			  yamlio_expected(schema), yamlio_got(ev, buf, sizeof buf));
}

/* [-+]?[0-9]+ with no leading zero: the decimal integers of YAML that
 * strtoll(..., 0) reads the same way. */
static bool yamlio_int_syntax(const char *v)
{
	if (*v == '-' || *v == '+')
		v++;
	if (*v < '0' || *v > '9' || (v[0] == '0' && v[1] != '\0'))
		return false;
	while (*v >= '0' && *v <= '9')
		v++;
	return *v == '\0';
}

static const char *yamlio_digits(const char *v)
{
	while (*v >= '0' && *v <= '9')
		v++;
	return v;
}

/* YAML 1.2 core decimal floats: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
 * (no hex, no .inf or .nan: strtod would take more than YAML means). */
static bool yamlio_float_syntax(const char *v)
{
	const char *p;

	if (*v == '-' || *v == '+')
		v++;
	p = yamlio_digits(v);
	if (p == v) {
		if (*p != '.' || yamlio_digits(p + 1) == p + 1)
			return false;
		p = yamlio_digits(p + 1);
	} else if (*p == '.') {
		p = yamlio_digits(p + 1);
	}
	if (*p == 'e' || *p == 'E') {
		const char *e = p + 1 + (p[1] == '-' || p[1] == '+');
		p = yamlio_digits(e);
		if (p == e)
			return false;
	}
	return *p == '\0';
}

static bool yamlio_bool_syntax(const char *v)
{
	static const char *const words[] = {
		"true", "True", "TRUE", "false", "False", "FALSE",
		"yes", "Yes", "YES", "no", "No", "NO",
		"on", "On", "ON", "off", "Off", "OFF",
	};

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(v, words[i]) == 0)
			return true;
	return false;
}

static void yamlio_check_int(struct yamlio_scan *sc, const yaml_event_t *ev,
			     const cyaml_schema_value_t *schema)
{
	const char *v = (const char *)ev->data.scalar.value;
	long long max = schema->data_size >= sizeof(long long) ? LLONG_MAX :
		(long long)((1ull << (schema->data_size * 8 - 1)) - 1);
	long long x;

	if (!yamlio_int_syntax(v)) {
		const char *p = v + (*v == '-' || *v == '+');
		if (p[0] == '0' && *yamlio_digits(p) == '\0')
			yamlio_scan_error(sc, &ev->start_mark, sc->path.s,
					  "'%s': a number must not start with 0 "
					  "(YAML 1.1 reads it as octal)", v);
		else
			yamlio_type_error(sc, ev, schema);
		return;
	}
	errno = 0;
	x = strtoll(v, NULL, 10);
	if (errno == ERANGE || x > max || x < -max - 1)
		yamlio_scan_error(sc, &ev->start_mark, sc->path.s,
				  "%s is out of range", v);
}

static void yamlio_check_float(struct yamlio_scan *sc, const yaml_event_t *ev,
			       const cyaml_schema_value_t *schema)
{
	const char *v = (const char *)ev->data.scalar.value;

	if (!yamlio_float_syntax(v))
		yamlio_type_error(sc, ev, schema);
	else if (!isfinite(util_strtod_c(v, NULL)))
		yamlio_scan_error(sc, &ev->start_mark, sc->path.s,
				  "%s is out of range", v);
}

static void yamlio_scalar(struct yamlio_scan *sc, const yaml_event_t *ev,
			  const cyaml_schema_value_t *schema)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;
	bool plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;

	if (!schema)
		return;
	yamlio_marks_add(sc->marks, sc->path.s, &ev->start_mark,
			 schema->type == CYAML_STRING && yamlio_is_null(v, n, plain));
	switch (schema->type) {
	case CYAML_STRING:
		/* libcyaml keeps C strings: a "\0" escape would cut it short */
		if (memchr(v, '\0', n))
			yamlio_scan_error(sc, &ev->start_mark, sc->path.s,
					  "text must not contain NUL (\\0)");
		break;
	case CYAML_INT:
		if (plain)
			yamlio_check_int(sc, ev, schema);
		else
			yamlio_type_error(sc, ev, schema);
		break;
	case CYAML_FLOAT:
		if (plain)
			yamlio_check_float(sc, ev, schema);
		else
			yamlio_type_error(sc, ev, schema);
		break;
	case CYAML_BOOL:
		if (!plain || !yamlio_bool_syntax(v))
			yamlio_type_error(sc, ev, schema);
		break;
	default:
		yamlio_type_error(sc, ev, schema);
		break;
	}
}

/* A value is complete: its parent moves on to the next key or entry. */
static void yamlio_value_done(struct yamlio_scan *sc)
{
	struct yamlio_frame *f;

	if (sc->depth == 0)
		return;
	f = &sc->stack[sc->depth - 1];
	if (f->map)
		f->in_value = false;
	else
		f->index++;
	yamlio_path_cut(sc, f->path_len);
}

static void yamlio_open(struct yamlio_scan *sc, const yaml_event_t *ev,
			const cyaml_schema_value_t *schema)
{
	bool map = ev->type == YAML_MAPPING_START_EVENT;
	struct yamlio_frame *f;

	if (sc->depth >= YAMLIO_MAX_DEPTH) {
		yamlio_scan_error(sc, &ev->start_mark, sc->path.s,
				  "nested deeper than %d levels", YAMLIO_MAX_DEPTH);
		sc->stop = true;
		return;
	}
	if (schema && schema->type != (map ? CYAML_MAPPING : CYAML_SEQUENCE)) {
		yamlio_type_error(sc, ev, schema);
		schema = NULL;
	}
	if (schema)
		yamlio_marks_add(sc->marks, sc->path.s, &ev->start_mark, false);
	f = &sc->stack[sc->depth++];
	memset(f, 0, sizeof *f);
	f->map = map;
	f->schema = schema;
	f->path_len = sc->path.len;
	f->start = ev->start_mark;
}

static void yamlio_value(struct yamlio_scan *sc, const yaml_event_t *ev,
			 const cyaml_schema_value_t *schema)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		yamlio_scalar(sc, ev, schema);
		yamlio_value_done(sc);
		break;
	case YAML_ALIAS_EVENT:
		/* Refused outright: aliases are how "billion laughs" files
		 * blow up, and a journey file has no use for them. */
		yamlio_scan_error(sc, &ev->start_mark, sc->path.s,
				  "aliases (*%s) are not allowed",
				  (const char *)ev->data.alias.anchor);
		yamlio_value_done(sc);
		break;
	default:
		yamlio_open(sc, ev, schema);
		break;
	}
}

static int yamlio_field_index(const cyaml_schema_value_t *map, const char *key)
{
	for (int i = 0; map->mapping.fields[i].key; i++)
		if (strcmp(map->mapping.fields[i].key, key) == 0)
			return i;
	return -1;
}

static void yamlio_unknown_key(struct yamlio_scan *sc, const yaml_event_t *ev,
			       const cyaml_schema_value_t *map)
{
	struct strbuf known;
	char snip[64];

	strbuf_init(&known);
	for (int i = 0; map->mapping.fields[i].key; i++)
		strbuf_printf(&known, "%s%s", i ? ", " : "",
			      map->mapping.fields[i].key);
	yamlio_scan_error(sc, &ev->start_mark, sc->path.s,
			  "unknown key '%s' (known keys here: %s)",
			  yamlio_snip((const char *)ev->data.scalar.value,
				      ev->data.scalar.length, snip, sizeof snip),
			  known.s ? known.s : "");
	strbuf_free(&known);
}

static void yamlio_key(struct yamlio_scan *sc, const yaml_event_t *ev)
{
	struct yamlio_frame *f = &sc->stack[sc->depth - 1];
	const char *key;
	int i;

	if (ev->type != YAML_SCALAR_EVENT) {
		yamlio_scan_error(sc, &ev->start_mark, sc->path.s,
				  "a key must be plain text, not a list or "
				  "mapping");
		sc->stop = true;
		return;
	}
	key = (const char *)ev->data.scalar.value;
	yamlio_path_key(sc, key);
	f->in_value = true;
	f->value = NULL;
	if (!f->schema)
		return;
	i = yamlio_field_index(f->schema, key);
	if (i < 0) {
		yamlio_unknown_key(sc, ev, f->schema);
	} else if (i >= YAMLIO_MAX_FIELDS) {
		yamlio_scan_error(sc, &ev->start_mark, sc->path.s,
				  "internal error: schema too large");
	} else if (f->seen & (1u << i)) {
		yamlio_scan_error(sc, &ev->start_mark, sc->path.s,
				  "duplicate key '%s' (first on line %u)", key,
				  f->seen_line[i]);
	} else {
		f->seen |= 1u << i;
		f->seen_line[i] = (unsigned)ev->start_mark.line + 1;
		f->value = &f->schema->mapping.fields[i].value;
	}
}

static void yamlio_missing(struct yamlio_scan *sc, const struct yamlio_frame *f)
{
	const cyaml_schema_field_t *fields = f->schema->mapping.fields;

	for (int i = 0; fields[i].key && i < YAMLIO_MAX_FIELDS && !sc->stop; i++) {
		if ((fields[i].value.flags & CYAML_FLAG_OPTIONAL) ||
		    (f->seen & (1u << i)))
			continue;
		yamlio_path_key(sc, fields[i].key);
		yamlio_scan_error(sc, &f->start, sc->path.s,
				  "missing required key '%s'", fields[i].key);
		yamlio_path_cut(sc, f->path_len);
	}
}

static void yamlio_close(struct yamlio_scan *sc)
{
	struct yamlio_frame *f = &sc->stack[sc->depth - 1];

	if (f->map && f->schema)
		yamlio_missing(sc, f);
	sc->depth--;
	yamlio_value_done(sc);
}

/* A node event: the root, a key, a mapping value or a sequence entry. */
static void yamlio_node(struct yamlio_scan *sc, const yaml_event_t *ev)
{
	struct yamlio_frame *f;

	if (sc->depth == 0) {
		yamlio_value(sc, ev, &yamlio_schema);
		return;
	}
	f = &sc->stack[sc->depth - 1];
	if (f->map && !f->in_value) {
		yamlio_key(sc, ev);
	} else if (f->map) {
		yamlio_value(sc, ev, f->value);
	} else {
		strbuf_printf(&sc->path, "[%zu]", f->index);
		yamlio_value(sc, ev, f->schema ? f->schema->sequence.entry : NULL);
	}
}

static void yamlio_event(struct yamlio_scan *sc, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (sc->documents++ > 0) {
			yamlio_scan_error(sc, &ev->start_mark, "",
					  "a second document: a file holds "
					  "one journey");
			sc->stop = true;
		}
		break;
	case YAML_STREAM_END_EVENT:
		if (sc->documents == 0)
			yamlio_scan_error(sc, &ev->start_mark, "",
					  "the file is empty: expected a "
					  "journey (key, title, touchpoints)");
		break;
	case YAML_SCALAR_EVENT:
	case YAML_ALIAS_EVENT:
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		yamlio_node(sc, ev);
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		yamlio_close(sc);
		break;
	default:
		break;
	}
}

static void yamlio_syntax_error(struct yamlio_scan *sc)
{
	const yaml_parser_t *p = &sc->parser;
	unsigned line, column;

	switch (p->error) {
	case YAML_READER_ERROR:
		yamlio_position(sc->data, sc->len, p->problem_offset, &line,
				&column);
		if (p->problem_value >= 0)
			yamlio_error_at(sc->d, line, column, sc->path.s,
					"%s (byte 0x%02x)", p->problem,
					(unsigned)p->problem_value);
		else
			yamlio_error_at(sc->d, line, column, sc->path.s, "%s",
					p->problem);
		break;
	case YAML_SCANNER_ERROR:
	case YAML_PARSER_ERROR:
		if (p->context)
			yamlio_error_at(sc->d, (unsigned)p->problem_mark.line + 1,
					(unsigned)p->problem_mark.column + 1,
					sc->path.s, "YAML syntax error: %s (%s "
					"on line %zu)", p->problem, p->context,
					p->context_mark.line + 1);
		else
			yamlio_error_at(sc->d, (unsigned)p->problem_mark.line + 1,
					(unsigned)p->problem_mark.column + 1,
					sc->path.s, "YAML syntax error: %s",
					p->problem);
		break;
	default:
		yamlio_error_at(sc->d, 1, 1, sc->path.s,
				"the YAML parser failed (out of memory?)");
		break;
	}
	sc->errors++;
}

size_t yamlio_scan(const char *data, size_t len, struct yamlio_marks *marks,
		   struct mot_diags *d)
{
	struct yamlio_scan sc;
	yaml_event_t ev;
	bool end = false;

	memset(&sc, 0, sizeof sc);
	sc.data = data;
	sc.len = len;
	sc.marks = marks;
	sc.d = d;
	strbuf_init(&sc.path);
	strbuf_add(&sc.path, "", 0);
	if (!yaml_parser_initialize(&sc.parser)) {
		yamlio_error_at(d, 1, 1, "", "cannot start the YAML parser");
		strbuf_free(&sc.path);
		return 1;
	}
	yaml_parser_set_input_string(&sc.parser, (const unsigned char *)data,
				     len);
	while (!end && !sc.stop) {
		if (!yaml_parser_parse(&sc.parser, &ev)) {
			yamlio_syntax_error(&sc);
			break;
		}
		end = ev.type == YAML_STREAM_END_EVENT;
		yamlio_event(&sc, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&sc.parser);
	strbuf_free(&sc.path);
	return sc.errors;
}
