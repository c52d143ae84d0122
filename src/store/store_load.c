/*
 * store_load.c - a whole journey read from the database in one snapshot.
 */
#include <stdlib.h>

#include "store_int.h"
#include "util.h"

/* Touchpoint row ids of a loaded journey are sorted (store_idmap), to
 * place transitions and lanes. */
static int store_idmap_cmp(const void *a, const void *b)
{
	const struct store_idmap *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

long store_idmap_find(const struct store_idmap *map, size_t n, int64_t id)
{
	struct store_idmap key = { id, 0 };
	const struct store_idmap *m = n ? bsearch(&key, map, n, sizeof *map,
						  store_idmap_cmp) : NULL;

	return m ? (long)m->index : -1;
}

static int store_load_touchpoints(struct store *s, int64_t jid,
				  struct mot_journey *j,
				  struct store_idmap **map)
{
	struct store_stmt *st = store_prepare(s, SQL_TP_LOAD);
	size_t cap = 0;
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	while ((rc = store_step(s, st)) == STORE_ROW) {
		struct mot_touchpoint *tp;

		util_reserve((void **)&j->touchpoints, &cap, j->n_touchpoints + 1,
			     sizeof *j->touchpoints);
		tp = &j->touchpoints[j->n_touchpoints];
		model_touchpoint_init(tp);
		tp->key = store_col_text(st, 1);
		tp->name = store_col_text(st, 2);
		tp->stage = store_col_int(st, 3);
		tp->phase = store_col_int(st, 4);
		tp->channel = store_col_text(st, 5);
		tp->owner = store_col_text(st, 6);
		tp->controlled = store_col_int(st, 7) != 0;
		tp->emotion = store_col_int(st, 8);
		tp->critical = store_col_int(st, 9) != 0;
		tp->human = store_col_int(st, 10) != 0;
		tp->dwell = store_col_double(st, 11);
		tp->conversion = store_col_int(st, 12) != 0;
		tp->drop = store_col_double(st, 13);
		tp->notes = store_col_text(st, 14);
		tp->version = store_col_int(st, 15);
		tp->thinking = store_col_text(st, 16);
		tp->backstage = store_col_text(st, 17);
		*map = xrealloc(*map, (j->n_touchpoints + 1) * sizeof **map);
		(*map)[j->n_touchpoints].id = store_col_int(st, 0);
		(*map)[j->n_touchpoints].index = j->n_touchpoints;
		j->n_touchpoints++;
		if ((rc = store_check_key(s, "touchpoint", tp->key)) != STORE_OK)
			break;
	}
	store_reset(st);
	if (rc != STORE_OK)
		return rc;
	if (j->n_touchpoints > 0)
		qsort(*map, j->n_touchpoints, sizeof **map, store_idmap_cmp);
	return STORE_OK;
}

static int store_load_transitions(struct store *s, int64_t jid,
				  struct mot_journey *j,
				  const struct store_idmap *map)
{
	struct store_stmt *st = store_prepare(s, SQL_TR_LOAD);
	size_t *cap = xcalloc(j->n_touchpoints + 1, sizeof *cap);
	int rc;

	if (!st) {
		free(cap);
		return STORE_ERROR;
	}
	store_bind_int(st, 1, jid);
	while ((rc = store_step(s, st)) == STORE_ROW) {
		struct store_idmap key = { store_col_int(st, 0), 0 };
		const struct store_idmap *m = bsearch(&key, map, j->n_touchpoints,
						      sizeof *map, store_idmap_cmp);
		struct mot_touchpoint *tp;
		struct mot_transition *t;

		if (!m)
			continue;	/* impossible with foreign keys on */
		tp = &j->touchpoints[m->index];
		util_reserve((void **)&tp->next, &cap[m->index], tp->n_next + 1,
			     sizeof *tp->next);
		t = &tp->next[tp->n_next++];
		t->to = store_col_text(st, 1);
		t->weight = store_col_double(st, 2);
		t->label = store_col_text(st, 3);
		t->version = store_col_int(st, 4);
	}
	store_reset(st);
	free(cap);
	return rc;
}

static int store_load_entries(struct store *s, int64_t jid,
			      struct mot_journey *j)
{
	struct store_stmt *st = store_prepare(s, SQL_EN_LOAD);
	size_t cap = 0;
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	while ((rc = store_step(s, st)) == STORE_ROW) {
		util_reserve((void **)&j->entries, &cap, j->n_entries + 1,
			     sizeof *j->entries);
		j->entries[j->n_entries].to = store_col_text(st, 0);
		j->entries[j->n_entries].weight = store_col_double(st, 1);
		j->n_entries++;
	}
	store_reset(st);
	return rc;
}

static int store_load_personas(struct store *s, int64_t jid,
			       struct mot_journey *j)
{
	struct store_stmt *st = store_prepare(s, SQL_PE_LOAD);
	size_t cap = 0;
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	while ((rc = store_step(s, st)) == STORE_ROW) {
		struct mot_persona *p;

		util_reserve((void **)&j->personas, &cap, j->n_personas + 1,
			     sizeof *j->personas);
		p = &j->personas[j->n_personas++];
		model_persona_init(p);
		p->key = store_col_text(st, 0);
		p->name = store_col_text(st, 1);
		p->description = store_col_text(st, 2);
		p->share = store_col_double(st, 3);
		p->patience = store_col_int(st, 4);
		p->explore_bias = store_col_double(st, 5);
		p->emotion_sensitivity = store_col_double(st, 6);
		p->version = store_col_int(st, 7);
		if ((rc = store_check_key(s, "persona", p->key)) != STORE_OK)
			break;
	}
	store_reset(st);
	return rc;
}

static int store_load_header(struct store *s, const char *key,
			     struct mot_journey *j, int64_t *jid)
{
	struct store_stmt *st = store_prepare(s, SQL_JOURNEY_GET);
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_text(st, 1, key);
	rc = store_step(s, st);
	if (rc != STORE_ROW) {
		store_reset(st);
		if (rc != STORE_OK)
			return rc;
		return store_fail(s, STORE_NOT_FOUND, "no journey '%s'", key);
	}
	*jid = store_col_int(st, 0);
	j->key = store_col_text(st, 1);
	j->title = store_col_text(st, 2);
	j->description = store_col_text(st, 3);
	j->created = store_col_int(st, 4);
	j->updated = store_col_int(st, 5);
	j->version = store_col_int(st, 6);
	store_reset(st);
	return store_check_key(s, "journey", j->key);
}

int store_journey_load(struct store *s, const char *key,
		       struct mot_journey *out)
{
	struct store_idmap *map = NULL;
	int64_t jid = 0;
	int rc;

	model_journey_init(out);
	/* A read transaction gives one consistent snapshot of all rows. */
	if (store_read_begin(s) != STORE_OK)
		return STORE_ERROR;
	rc = store_load_header(s, key, out, &jid);
	if (rc == STORE_OK)
		rc = store_load_touchpoints(s, jid, out, &map);
	if (rc == STORE_OK)
		rc = store_load_transitions(s, jid, out, map);
	if (rc == STORE_OK)
		rc = store_lanes_load(s, jid, out, map);
	if (rc == STORE_OK)
		rc = store_load_entries(s, jid, out);
	if (rc == STORE_OK)
		rc = store_load_personas(s, jid, out);
	store_read_end(s);
	free(map);
	if (rc != STORE_OK)
		model_journey_free(out);
	return rc;
}
