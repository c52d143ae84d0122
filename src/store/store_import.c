/*
 * store_import.c - whole journeys written: import (all files in one
 * transaction), replacing a journey in place, and the row inserts that
 * single edits share.
 */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "util.h"

/* --- import ---------------------------------------------------------- */

/* Sorted (key, row id) pairs of the touchpoints just inserted, with
 * their index in the journey. */
struct store_keyid {
	const char *key;
	int64_t id;
	size_t index;
};

static int store_keyid_cmp(const void *a, const void *b)
{
	return strcmp(((const struct store_keyid *)a)->key,
		      ((const struct store_keyid *)b)->key);
}

static struct store_keyid *store_keyid_at(struct store_keyid *ids, size_t n,
					  const char *key)
{
	struct store_keyid k = { key, 0, 0 };

	return key ? bsearch(&k, ids, n, sizeof *ids, store_keyid_cmp) : NULL;
}

static int64_t store_keyid_find(struct store_keyid *ids, size_t n,
				const char *key)
{
	const struct store_keyid *m = store_keyid_at(ids, n, key);

	return m ? m->id : -1;
}

/* SQL_TP_INSERT and SQL_TP_INSERT_MANY take the same parameters. */
static void store_bind_tp_insert(struct store *s, struct store_stmt *st,
				 int64_t jid, const struct mot_touchpoint *tp,
				 int64_t position)
{
	store_bind_int(st, 1, jid);
	store_bind_text(st, 2, tp->key);
	store_bind_text(st, 3, tp->name);
	store_bind_int(st, 4, tp->stage);
	store_bind_int(st, 5, tp->phase);
	store_bind_text(st, 6, tp->channel);
	store_bind_text(st, 7, tp->owner);
	store_bind_int(st, 8, tp->controlled);
	store_bind_int(st, 9, tp->emotion);
	store_bind_int(st, 10, tp->critical);
	store_bind_int(st, 11, tp->human);
	store_bind_double(st, 12, tp->dwell);
	store_bind_int(st, 13, tp->conversion);
	store_bind_double(st, 14, tp->drop);
	store_bind_text(st, 15, tp->notes);
	store_bind_int(st, 16, position);
	store_bind_text(st, 17, tp->thinking);
	store_bind_text(st, 18, tp->backstage);
	store_bind_int(st, 19, s->gen);
}

int store_insert_touchpoint(struct store *s, int64_t jid,
			    const struct mot_touchpoint *tp,
			    int64_t position, int64_t *id)
{
	struct store_stmt *st = store_prepare(s, SQL_TP_INSERT);
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_tp_insert(s, st, jid, tp, position);
	rc = store_query_int(s, st, id);
	if (rc == STORE_EXISTS)
		return store_fail(s, rc, "touchpoint '%s' exists already",
				  tp->key);
	if (rc == STORE_OK)
		rc = store_lanes_insert(s, jid, *id, tp);
	return rc;
}

int store_insert_transition(struct store *s, int64_t jid, int64_t from,
			    int64_t to, double weight, const char *label,
			    int64_t position)
{
	struct store_stmt *st = store_prepare(s, SQL_TR_INSERT);

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	store_bind_int(st, 2, from);
	store_bind_int(st, 3, to);
	store_bind_double(st, 4, weight);
	store_bind_text(st, 5, label);
	store_bind_int(st, 6, position);
	store_bind_int(st, 7, s->gen);
	return store_exec_later(s, st);
}

int store_insert_persona(struct store *s, int64_t jid,
			 const struct mot_persona *p, int64_t position)
{
	struct store_stmt *st = store_prepare(s, SQL_PE_INSERT);
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	store_bind_text(st, 2, p->key);
	store_bind_text(st, 3, p->name);
	store_bind_text(st, 4, p->description);
	store_bind_double(st, 5, p->share);
	store_bind_int(st, 6, p->patience);
	store_bind_double(st, 7, p->explore_bias);
	store_bind_double(st, 8, p->emotion_sensitivity);
	store_bind_int(st, 9, position);
	store_bind_int(st, 10, s->gen);
	rc = store_exec_stmt(s, st);
	if (rc == STORE_EXISTS)
		return store_fail(s, rc, "persona '%s' exists already", p->key);
	return rc;
}

int store_insert_entry(struct store *s, int64_t jid, int64_t tpid,
		       double weight, int64_t position)
{
	struct store_stmt *st = store_prepare(s, SQL_EN_UPSERT);

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	store_bind_int(st, 2, tpid);
	store_bind_double(st, 3, weight);
	store_bind_int(st, 4, position);
	return store_exec_later(s, st);
}

static int store_insert_journey_row(struct store *s,
				    const struct mot_journey *j, int64_t *jid)
{
	struct store_stmt *st = store_prepare(s, SQL_JOURNEY_INSERT);
	int64_t now = store_now();
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_text(st, 1, j->key);
	store_bind_text(st, 2, j->title);
	store_bind_text(st, 3, j->description);
	store_bind_int(st, 4, j->created ? j->created : now);
	store_bind_int(st, 5, now);
	store_bind_int(st, 6, s->gen);
	rc = store_query_int(s, st, jid);
	if (rc == STORE_EXISTS)
		return store_fail(s, rc, "journey '%s' exists already", j->key);
	return rc;
}

/* A transition waiting for the rest of its SQL_TR_INSERT_MANY. */
struct store_tr_row {
	int64_t from, to;
	const struct mot_transition *t;
	int64_t position;
};

/* The first n rows of batch: STORE_TR_BATCH in one statement, fewer one
 * by one. */
static int store_insert_tr_rows(struct store *s, int64_t jid,
				const struct store_tr_row *batch, size_t n)
{
	struct store_stmt *st;
	int rc = STORE_OK;

	if (n < STORE_TR_BATCH) {
		for (size_t r = 0; rc == STORE_OK && r < n; r++)
			rc = store_insert_transition(s, jid, batch[r].from,
						     batch[r].to,
						     batch[r].t->weight,
						     batch[r].t->label,
						     batch[r].position);
		return rc;
	}
	if (!(st = store_prepare(s, SQL_TR_INSERT_MANY)))
		return STORE_ERROR;
	for (size_t r = 0; r < STORE_TR_BATCH; r++) {
		int p = (int)r * 7;

		store_bind_int(st, p + 1, jid);
		store_bind_int(st, p + 2, batch[r].from);
		store_bind_int(st, p + 3, batch[r].to);
		store_bind_double(st, p + 4, batch[r].t->weight);
		store_bind_text(st, p + 5, batch[r].t->label);
		store_bind_int(st, p + 6, batch[r].position);
		store_bind_int(st, p + 7, s->gen);
	}
	return store_exec_later(s, st);
}

static int store_insert_links(struct store *s, int64_t jid,
			      const struct mot_journey *j,
			      struct store_keyid *ids, const int64_t *rowid)
{
	struct store_tr_row batch[STORE_TR_BATCH];
	size_t n = 0;
	int rc = STORE_OK;

	for (size_t i = 0; rc == STORE_OK && i < j->n_touchpoints; i++) {
		const struct mot_touchpoint *tp = &j->touchpoints[i];

		for (size_t k = 0; rc == STORE_OK && k < tp->n_next; k++) {
			int64_t to = store_keyid_find(ids, j->n_touchpoints,
						      tp->next[k].to);
			if (to < 0)
				return store_fail(s, STORE_INVALID, "touchpoint "
						  "'%s': transition to unknown "
						  "touchpoint '%s'", tp->key,
						  tp->next[k].to);
			batch[n++] = (struct store_tr_row){ rowid[i], to,
							    &tp->next[k],
							    (int64_t)k };
			if (n == STORE_TR_BATCH) {
				rc = store_insert_tr_rows(s, jid, batch, n);
				n = 0;
			}
		}
	}
	if (rc == STORE_OK)
		rc = store_insert_tr_rows(s, jid, batch, n);
	for (size_t i = 0; rc == STORE_OK && i < j->n_entries; i++) {
		int64_t to = store_keyid_find(ids, j->n_touchpoints,
					      j->entries[i].to);
		if (to < 0)
			return store_fail(s, STORE_INVALID, "entry to unknown "
					  "touchpoint '%s'", j->entries[i].to);
		rc = store_insert_entry(s, jid, to, j->entries[i].weight,
					(int64_t)i);
	}
	return rc;
}

/* The row ids of the touchpoints just inserted, by key, in one query
 * (ids[] is sorted by key; rowid[] is by index in the journey). */
static int store_read_ids(struct store *s, int64_t jid, struct store_keyid *ids,
			  size_t n, int64_t *rowid)
{
	struct store_stmt *st = store_prepare(s, SQL_TP_IDS);
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	while ((rc = store_step(s, st)) == STORE_ROW) {
		char *key = store_col_text(st, 0);
		struct store_keyid *m = store_keyid_at(ids, n, key);

		if (m) {
			m->id = store_col_int(st, 1);
			rowid[m->index] = m->id;
		}
		free(key);
	}
	store_reset(st);
	return rc;
}

/* Every touchpoint of j under journey row jid, sent without waiting for
 * each (store_exec_later), their row ids read back at the end. */
static int store_insert_touchpoints(struct store *s, int64_t jid,
				    const struct mot_journey *j,
				    struct store_keyid *ids, int64_t *rowid)
{
	int64_t pos[MOT_STAGE_COUNT] = { 0 };
	int rc = STORE_OK;

	for (size_t i = 0; rc == STORE_OK && i < j->n_touchpoints; i++) {
		const struct mot_touchpoint *tp = &j->touchpoints[i];
		struct store_stmt *st = store_prepare(s, SQL_TP_INSERT_MANY);

		if (!st)
			return STORE_ERROR;
		store_bind_tp_insert(s, st, jid, tp, (unsigned)tp->stage <
				     MOT_STAGE_COUNT ? pos[tp->stage]++ : 0);
		rc = store_exec_later(s, st);
		ids[i] = (struct store_keyid){ tp->key, -1, i };
		rowid[i] = -1;
	}
	qsort(ids, j->n_touchpoints, sizeof *ids, store_keyid_cmp);
	if (rc == STORE_OK)
		rc = store_read_ids(s, jid, ids, j->n_touchpoints, rowid);
	for (size_t i = 0; rc == STORE_OK && i < j->n_touchpoints; i++)
		rc = rowid[i] < 0 ? store_fail(s, STORE_ERROR, "%s: touchpoint "
					       "'%s' was not stored", s->name,
					       j->touchpoints[i].key) :
			store_lanes_insert(s, jid, rowid[i], &j->touchpoints[i]);
	return rc;
}

/* Insert the touchpoints, transitions, entries and personas of j under
 * journey row jid (which has none yet). */
static int store_insert_contents(struct store *s, int64_t jid,
				 const struct mot_journey *j)
{
	struct store_keyid *ids = xcalloc(j->n_touchpoints + 1, sizeof *ids);
	int64_t *rowid = xcalloc(j->n_touchpoints + 1, sizeof *rowid);
	int rc = store_insert_touchpoints(s, jid, j, ids, rowid);

	if (rc == STORE_OK)
		rc = store_insert_links(s, jid, j, ids, rowid);
	for (size_t i = 0; rc == STORE_OK && i < j->n_personas; i++)
		rc = store_insert_persona(s, jid, &j->personas[i], (int64_t)i);
	free(ids);
	free(rowid);
	return rc;
}

int store_insert_journey(struct store *s, const struct mot_journey *j)
{
	int64_t jid = 0;
	int rc;

	if (!model_key_valid(j->key))
		return store_fail(s, STORE_INVALID, "invalid journey key '%s'",
				  j->key ? j->key : "");
	rc = store_insert_journey_row(s, j, &jid);
	return rc == STORE_OK ? store_insert_contents(s, jid, j) : rc;
}

/* Put j's contents into the existing journey row jid in place of what it
 * held.  The row stays, so the scenarios of the journey stay with it, and
 * its version goes up, so an open designer sees the change. */
static int store_replace_journey(struct store *s, int64_t jid,
				 const struct mot_journey *j)
{
	struct store_stmt *st = store_prepare(s, SQL_JOURNEY_REPLACE);
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	store_bind_text(st, 2, j->title);
	store_bind_text(st, 3, j->description);
	if (j->created)	/* else NULL: the row keeps its own */
		store_bind_int(st, 4, j->created);
	store_bind_int(st, 5, store_now());
	store_bind_int(st, 6, s->gen);
	rc = store_exec_stmt(s, st);
	if (rc == STORE_OK)
		rc = store_exec_id(s, SQL_JOURNEY_CLEAR_TR, jid);
	if (rc == STORE_OK)
		rc = store_exec_id(s, SQL_JOURNEY_CLEAR_EN, jid);
	if (rc == STORE_OK)
		rc = store_exec_id(s, SQL_JOURNEY_CLEAR_LANE, jid);
	if (rc == STORE_OK)
		rc = store_exec_id(s, SQL_JOURNEY_CLEAR_KPI, jid);
	if (rc == STORE_OK)
		rc = store_exec_id(s, SQL_JOURNEY_CLEAR_TP, jid);
	if (rc == STORE_OK)
		rc = store_exec_id(s, SQL_JOURNEY_CLEAR_PE, jid);
	return rc == STORE_OK ? store_insert_contents(s, jid, j) : rc;
}

int store_import_one(struct store *s, const struct mot_journey *j,
		     bool replace)
{
	int64_t jid;
	int rc = store_journey_id(s, j->key, &jid, NULL);

	if (rc == STORE_OK && !replace)
		return store_fail(s, STORE_EXISTS, "journey '%s' exists "
				  "already (use --replace)", j->key);
	if (rc == STORE_OK)
		return store_replace_journey(s, jid, j);
	return rc == STORE_NOT_FOUND ? store_insert_journey(s, j) : rc;
}

int store_journey_import(struct store *s, const struct mot_journey *js,
			 size_t n, bool replace, size_t *failed)
{
	bool bulk = store_bulk_begin(s);
	int rc = store_tx_begin(s);

	for (size_t i = 0; rc == STORE_OK && i < n; i++) {
		rc = store_import_one(s, &js[i], replace);
		if (rc != STORE_OK && failed)
			*failed = i;
	}
	rc = store_tx_end(s, rc);
	if (bulk)
		store_bulk_end(s);
	return rc;
}
