/*
 * yamlio_pairs.c - a flat YAML mapping of text to text, such as the
 * mapping file of `mot log import --map` (activity: touchpoint-key), read
 * with libyaml's event parser so that every problem has its line and
 * column.  A null value (~, null or nothing) is kept as NULL.
 */
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "util.h"
#include "yamlio.h"

struct yamlio_pairs {
	yaml_parser_t parser;
	struct mot_diags *d;
	struct yamlio_pair *items;
	size_t n, cap;
	char *key;             /* the key waiting for its value */
	unsigned key_line, key_col;
};

static void yamlio_pairs_error(struct yamlio_pairs *p, const yaml_mark_t *m,
			       const char *msg)
{
	model_diag_add(p->d, MOT_ERROR, "", "%s", msg);
	p->d->items[p->d->n - 1].line = (unsigned)m->line + 1;
	p->d->items[p->d->n - 1].column = (unsigned)m->column + 1;
}

static bool yamlio_pairs_null(const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;

	if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	return !*v || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
	       strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0;
}

/* A scalar at the mapping's level: a key, or the value of the last key. */
static void yamlio_pairs_scalar(struct yamlio_pairs *p, const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;

	if (!p->key) {
		if (yamlio_pairs_null(ev)) {
			yamlio_pairs_error(p, &ev->start_mark, "an empty key");
			p->key = xstrdup("");
		} else {
			p->key = xstrdup(v);
		}
		p->key_line = (unsigned)ev->start_mark.line + 1;
		p->key_col = (unsigned)ev->start_mark.column + 1;
		for (size_t i = 0; i < p->n && *p->key; i++)
			if (strcmp(p->items[i].key, p->key) == 0) {
				char msg[128];
				snprintf(msg, sizeof msg, "a second entry for this "
					 "key (the first is on line %u)",
					 p->items[i].line);
				yamlio_pairs_error(p, &ev->start_mark, msg);
			}
		return;
	}
	util_reserve((void **)&p->items, &p->cap, p->n + 1, sizeof *p->items);
	p->items[p->n++] = (struct yamlio_pair){
		p->key, yamlio_pairs_null(ev) ? NULL : xstrdup(v), p->key_line,
		p->key_col };
	p->key = NULL;
}

/* One event at mapping depth `depth` (1 inside the top mapping); false
 * to stop. */
static bool yamlio_pairs_event(struct yamlio_pairs *p, const yaml_event_t *ev,
			       int *depth)
{
	switch (ev->type) {
	case YAML_STREAM_START_EVENT:
	case YAML_DOCUMENT_START_EVENT:
	case YAML_DOCUMENT_END_EVENT:
		return true;
	case YAML_STREAM_END_EVENT:
		return false;
	case YAML_MAPPING_START_EVENT:
		if (*depth == 0) {
			*depth = 1;
			return true;
		}
		break;
	case YAML_MAPPING_END_EVENT:
		*depth = 0;
		return true;
	case YAML_SCALAR_EVENT:
		if (*depth == 1) {
			yamlio_pairs_scalar(p, ev);
			return true;
		}
		/* A lone scalar document: an empty file is "", "~" or a
		 * comment; anything else is not a mapping. */
		if (yamlio_pairs_null(ev))
			return true;
		break;
	default:
		break;
	}
	yamlio_pairs_error(p, &ev->start_mark, "expected 'activity: "
			   "touchpoint-key' lines (a mapping of text to text)");
	return false;
}

void yamlio_pairs_free(struct yamlio_pair *pairs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(pairs[i].key);
		free(pairs[i].value);
	}
	free(pairs);
}

int yamlio_load_pairs(const char *path, struct yamlio_pair **out, size_t *n,
		      struct mot_diags *d)
{
	struct yamlio_pairs p = { .d = d };
	char err[512], *data;
	size_t len;
	int depth = 0;
	bool go = true;

	*out = NULL;
	*n = 0;
	if (util_read_file(path, YAMLIO_MAX_BYTES, &data, &len, err,
			   sizeof err) != 0) {
		model_diag_add(d, MOT_ERROR, "", "%s", err);
		return -1;
	}
	if (!util_utf8_valid(data, len)) {
		model_diag_add(d, MOT_ERROR, "", "the file is not UTF-8 text");
		free(data);
		return -1;
	}
	yaml_parser_initialize(&p.parser);
	yaml_parser_set_input_string(&p.parser, (const unsigned char *)data, len);
	while (go && d->errors < YAMLIO_MAX_ERRORS) {
		yaml_event_t ev;

		if (!yaml_parser_parse(&p.parser, &ev)) {
			yamlio_pairs_error(&p, &p.parser.problem_mark,
					   p.parser.problem ? p.parser.problem :
					   "not YAML");
			break;
		}
		go = yamlio_pairs_event(&p, &ev, &depth);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p.parser);
	free(p.key);
	free(data);
	if (d->errors) {
		yamlio_pairs_free(p.items, p.n);
		return -1;
	}
	*out = p.items;
	*n = p.n;
	return 0;
}
