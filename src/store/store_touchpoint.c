/*
 * store_touchpoint.c - touchpoints (add, change, move, delete, restore),
 * transitions and entries; each edit one transaction, checked against the
 * row version it was based on.
 */
#include <string.h>

#include "store_int.h"
#include "util.h"

/* --- touchpoints ----------------------------------------------------- */

struct store_tprow {
	int64_t id, stage, position, version;
};

static int store_tp_find(struct store *s, int64_t jid, const char *key,
			 struct store_tprow *row)
{
	struct store_stmt *st = store_prepare(s, SQL_TP_FIND);
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	store_bind_text(st, 2, key);
	rc = store_step(s, st);
	if (rc == STORE_ROW) {
		row->id = store_col_int(st, 0);
		row->stage = store_col_int(st, 1);
		row->position = store_col_int(st, 2);
		row->version = store_col_int(st, 3);
	}
	store_reset(st);
	if (rc == STORE_ROW)
		return STORE_OK;
	if (rc != STORE_OK)
		return rc;
	return store_fail(s, STORE_NOT_FOUND, "no touchpoint '%s'",
			  key ? key : "");
}

/* Journey id and the touchpoint's row, in one call: most edits need both. */
static int store_tp_locate(struct store *s, const char *journey,
			   const char *key, int64_t *jid,
			   struct store_tprow *row)
{
	int rc = store_journey_id(s, journey, jid, NULL);

	return rc == STORE_OK ? store_tp_find(s, *jid, key, row) : rc;
}

/* Open a slot at `position` (clamped) in `stage`, not counting `self`. */
static int store_tp_make_room(struct store *s, int64_t jid, int stage,
			      size_t position, int64_t self, int64_t *placed)
{
	struct store_stmt *st = store_prepare(s, SQL_TP_STAGE_COUNT);
	int64_t count = 0;
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	store_bind_int(st, 2, stage);
	store_bind_int(st, 3, self);
	if ((rc = store_query_int(s, st, &count)) != STORE_OK)
		return rc;
	*placed = (int64_t)position < count ? (int64_t)position : count;
	if (!(st = store_prepare(s, SQL_TP_SHIFT)))
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	store_bind_int(st, 2, stage);
	store_bind_int(st, 3, *placed);
	store_bind_int(st, 4, self);
	return store_exec_stmt(s, st);
}

static int store_tp_close_gap(struct store *s, int64_t jid,
			      const struct store_tprow *row)
{
	struct store_stmt *st = store_prepare(s, SQL_TP_CLOSE_GAP);

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	store_bind_int(st, 2, row->stage);
	store_bind_int(st, 3, row->position);
	return store_exec_stmt(s, st);
}

/* Check one touchpoint's own fields (its transitions are not edited here,
 * so they are left out: their targets are not in the one-row journey). */
static int store_tp_check(struct store *s, const struct mot_touchpoint *tp)
{
	struct mot_touchpoint t = *tp;
	struct mot_journey j;

	t.next = NULL;
	t.n_next = 0;
	model_journey_init(&j);
	j.key = "x";
	j.title = "x";
	j.touchpoints = &t;
	j.n_touchpoints = 1;
	return store_check_fields(s, &j);
}

int store_touchpoint_add(struct store *s, const char *journey,
			 struct mot_touchpoint *tp, size_t position)
{
	struct store_tprow row;
	int64_t jid, placed = 0, id = 0, gen;
	int rc = store_tp_check(s, tp);

	if (rc != STORE_OK)
		return rc;
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_journey_id(s, journey, &jid, NULL);
	if (rc == STORE_OK && store_tp_find(s, jid, tp->key, &row) == STORE_OK)
		rc = store_fail(s, STORE_EXISTS, "touchpoint '%s' exists "
				"already", tp->key);
	if (rc == STORE_OK)
		rc = store_tp_make_room(s, jid, tp->stage, position, -1, &placed);
	if (rc == STORE_OK)
		rc = store_insert_touchpoint(s, jid, tp, placed, &id);
	if (rc == STORE_OK)
		rc = store_journey_touch(s, jid);
	gen = s->gen;
	rc = store_tx_end(s, rc);
	if (rc == STORE_OK)
		tp->version = gen;
	return rc;
}

static void store_bind_tp_fields(struct store_stmt *st,
				 const struct mot_touchpoint *tp)
{
	store_bind_text(st, 3, tp->key);
	store_bind_text(st, 4, tp->name);
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
	store_bind_text(st, 16, tp->thinking);
	store_bind_text(st, 17, tp->backstage);
}

int store_touchpoint_update(struct store *s, const char *journey,
			    const char *key, struct mot_touchpoint *tp)
{
	struct store_tprow row, other;
	struct store_stmt *st = NULL;
	int64_t jid, placed;
	int rc = store_tp_check(s, tp);

	if (rc != STORE_OK)
		return rc;
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_tp_locate(s, journey, key, &jid, &row);
	if (rc == STORE_OK && row.version != tp->version)
		rc = store_fail(s, STORE_CONFLICT, "touchpoint '%s' was changed "
				"by another mot since it was read; reload and "
				"try again", key);
	if (rc == STORE_OK && strcmp(key, tp->key) != 0 &&
	    store_tp_find(s, jid, tp->key, &other) == STORE_OK)
		rc = store_fail(s, STORE_EXISTS, "touchpoint '%s' exists "
				"already", tp->key);
	if (rc == STORE_OK && !(st = store_prepare(s, SQL_TP_UPDATE)))
		rc = STORE_ERROR;
	if (rc == STORE_OK) {
		store_bind_int(st, 1, row.id);
		store_bind_int(st, 2, tp->version);
		store_bind_tp_fields(st, tp);
		store_bind_int(st, 18, s->gen);
		rc = store_check_hit(s, store_exec_stmt(s, st), true,
				     "the touchpoint");
	}
	if (rc == STORE_OK && strcmp(key, tp->key) != 0)
		rc = store_log_rename_touchpoint(s, jid, key, tp->key);
	if (rc == STORE_OK)
		rc = store_lanes_replace(s, jid, row.id, tp);
	if (rc == STORE_OK && row.stage != (int64_t)tp->stage) {
		rc = store_tp_close_gap(s, jid, &row);
		if (rc == STORE_OK)
			rc = store_tp_make_room(s, jid, tp->stage, (size_t)-1,
						row.id, &placed);
		if (rc == STORE_OK && (st = store_prepare(s, SQL_TP_PLACE))) {
			store_bind_int(st, 1, row.id);
			store_bind_int(st, 2, tp->stage);
			store_bind_int(st, 3, placed);
			store_bind_int(st, 4, s->gen);
			rc = store_exec_stmt(s, st);
		} else if (rc == STORE_OK) {
			rc = STORE_ERROR;
		}
	}
	if (rc == STORE_OK)
		rc = store_journey_touch(s, jid);
	if (rc == STORE_OK)
		rc = store_tp_find(s, jid, tp->key, &row);
	rc = store_tx_end(s, rc);
	if (rc == STORE_OK)
		tp->version = row.version;
	return rc;
}

int store_touchpoint_delete(struct store *s, const char *journey,
			    const char *key, int64_t base_version)
{
	struct store_tprow row;
	struct store_stmt *st = NULL;
	int64_t jid;
	int rc = store_tx_begin(s);

	if (rc == STORE_OK)
		rc = store_tp_locate(s, journey, key, &jid, &row);
	if (rc == STORE_OK && !(st = store_prepare(s, SQL_TP_DELETE)))
		rc = STORE_ERROR;
	if (rc == STORE_OK) {
		store_bind_int(st, 1, row.id);
		store_bind_int(st, 2, base_version);
		rc = store_check_hit(s, store_exec_stmt(s, st), true,
				     "the touchpoint");
	}
	if (rc == STORE_OK)
		rc = store_tp_close_gap(s, jid, &row);
	if (rc == STORE_OK)
		rc = store_journey_touch(s, jid);
	return store_tx_end(s, rc);
}

int store_touchpoint_move(struct store *s, const char *journey,
			  const char *key, enum mot_stage stage,
			  size_t position, int64_t *version)
{
	struct store_tprow row;
	struct store_stmt *st = NULL;
	int64_t jid, placed = 0, gen;
	int rc;

	if ((unsigned)stage >= MOT_STAGE_COUNT)
		return store_fail(s, STORE_INVALID, "unknown stage");
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_tp_locate(s, journey, key, &jid, &row);
	if (rc == STORE_OK && row.version != *version)
		rc = store_fail(s, STORE_CONFLICT, "touchpoint '%s' was changed "
				"by another mot since it was read; reload and "
				"try again", key);
	if (rc == STORE_OK)
		rc = store_tp_close_gap(s, jid, &row);
	if (rc == STORE_OK)
		rc = store_tp_make_room(s, jid, stage, position, row.id, &placed);
	if (rc == STORE_OK && !(st = store_prepare(s, SQL_TP_PLACE)))
		rc = STORE_ERROR;
	if (rc == STORE_OK) {
		store_bind_int(st, 1, row.id);
		store_bind_int(st, 2, stage);
		store_bind_int(st, 3, placed);
		store_bind_int(st, 4, s->gen);
		rc = store_exec_stmt(s, st);
	}
	if (rc == STORE_OK)
		rc = store_journey_touch(s, jid);
	gen = s->gen;
	rc = store_tx_end(s, rc);
	if (rc == STORE_OK)
		*version = gen;
	return rc;
}

int store_touchpoint_restore(struct store *s, const char *journey,
			     struct mot_touchpoint *tp, size_t position,
			     const struct store_link *in, size_t n_in,
			     double entry)
{
	int rc = store_batch_begin(s);

	if (rc == STORE_OK)
		rc = store_touchpoint_add(s, journey, tp, position);
	for (size_t k = 0; rc == STORE_OK && k < tp->n_next; k++) {
		int64_t v = 0;

		rc = store_transition_set(s, journey, tp->key, tp->next[k].to,
					  tp->next[k].weight, tp->next[k].label,
					  &v);
		tp->next[k].version = v;
	}
	for (size_t i = 0; rc == STORE_OK && i < n_in; i++) {
		int64_t v = 0;

		rc = store_transition_set(s, journey, in[i].from, tp->key,
					  in[i].weight, in[i].label, &v);
	}
	if (rc == STORE_OK && entry > 0)
		rc = store_entry_set(s, journey, tp->key, entry);
	rc = store_batch_end(s, rc);
	if (rc != STORE_OK) {	/* rolled back: nothing of it is stored */
		tp->version = 0;
		for (size_t k = 0; k < tp->n_next; k++)
			tp->next[k].version = 0;
	}
	return rc;
}

/* --- transitions and entries ----------------------------------------- */

int store_transition_set(struct store *s, const char *journey,
			 const char *from, const char *to, double weight,
			 const char *label, int64_t *version)
{
	struct store_tprow a, b;
	struct store_stmt *st = NULL;
	int64_t jid, cur = 0, pos = 0;
	char why[96];
	int rc, found;

	if (!(weight > 0) || weight > 1e12)
		return store_fail(s, STORE_INVALID, "weight must be greater "
				  "than 0");
	if (!model_text_ok(label, MOT_TEXT_MAX, true, why, sizeof why))
		return store_fail(s, STORE_INVALID, "label: %s", why);
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_tp_locate(s, journey, from, &jid, &a);
	if (rc == STORE_OK)
		rc = store_tp_find(s, jid, to, &b);
	if (rc == STORE_OK && !(st = store_prepare(s, SQL_TR_FIND)))
		rc = STORE_ERROR;
	if (rc != STORE_OK)
		return store_tx_end(s, rc);
	store_bind_int(st, 1, a.id);
	store_bind_int(st, 2, b.id);
	found = store_query_int(s, st, &cur);
	if (found == STORE_OK && *version == 0)
		rc = store_fail(s, STORE_EXISTS, "there is a transition from "
				"'%s' to '%s' already", from, to);
	else if (found == STORE_OK && cur != *version)
		rc = store_fail(s, STORE_CONFLICT, "the transition from '%s' to "
				"'%s' was changed by another mot since it was "
				"read; reload and try again", from, to);
	else if (found == STORE_NOT_FOUND && *version != 0)
		rc = store_fail(s, STORE_NOT_FOUND, "the transition from '%s' "
				"to '%s' no longer exists", from, to);
	else if (found != STORE_OK && found != STORE_NOT_FOUND)
		rc = found;
	if (rc == STORE_OK && found == STORE_OK &&
	    (st = store_prepare(s, SQL_TR_UPDATE))) {
		store_bind_int(st, 1, a.id);
		store_bind_int(st, 2, b.id);
		store_bind_double(st, 3, weight);
		store_bind_text(st, 4, label);
		store_bind_int(st, 5, cur);
		store_bind_int(st, 6, s->gen);
		rc = store_check_hit(s, store_exec_stmt(s, st), true,
				     "the transition");
		cur = s->gen;
	} else if (rc == STORE_OK && (st = store_prepare(s, SQL_TR_NEXT_POS))) {
		store_bind_int(st, 1, a.id);
		rc = store_query_int(s, st, &pos);
		if (rc == STORE_OK)
			rc = store_insert_transition(s, jid, a.id, b.id, weight,
						     label, pos);
		cur = s->gen;
	}
	if (rc == STORE_OK)
		rc = store_journey_touch(s, jid);
	rc = store_tx_end(s, rc);
	if (rc == STORE_OK)
		*version = cur;
	return rc;
}

int store_transition_delete(struct store *s, const char *journey,
			    const char *from, const char *to,
			    int64_t base_version)
{
	struct store_tprow a, b;
	struct store_stmt *st = NULL;
	int64_t jid, cur;
	int rc = store_tx_begin(s);

	if (rc == STORE_OK)
		rc = store_tp_locate(s, journey, from, &jid, &a);
	if (rc == STORE_OK)
		rc = store_tp_find(s, jid, to, &b);
	if (rc == STORE_OK && !(st = store_prepare(s, SQL_TR_DELETE)))
		rc = STORE_ERROR;
	if (rc == STORE_OK) {
		store_bind_int(st, 1, a.id);
		store_bind_int(st, 2, b.id);
		store_bind_int(st, 3, base_version);
		rc = store_exec_stmt(s, st);
		if (rc == STORE_OK && store_changes(s) == 0) {
			st = store_prepare(s, SQL_TR_FIND);
			store_bind_int(st, 1, a.id);
			store_bind_int(st, 2, b.id);
			rc = store_check_hit(s, STORE_OK,
					     store_query_int(s, st, &cur) == STORE_OK,
					     "the transition");
		}
	}
	if (rc == STORE_OK)
		rc = store_journey_touch(s, jid);
	return store_tx_end(s, rc);
}

int store_entry_set(struct store *s, const char *journey, const char *to,
		    double weight)
{
	struct store_tprow row;
	struct store_stmt *st = NULL;
	int64_t jid, pos = 0;
	int rc;

	if (weight < 0 || weight != weight || weight > 1e12)
		return store_fail(s, STORE_INVALID, "weight must be greater "
				  "than 0");
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_tp_locate(s, journey, to, &jid, &row);
	if (rc == STORE_OK && weight == 0) {
		if (!(st = store_prepare(s, SQL_EN_DELETE)))
			rc = STORE_ERROR;
		else {
			store_bind_int(st, 1, row.id);
			rc = store_exec_stmt(s, st);
		}
	} else if (rc == STORE_OK) {
		if (!(st = store_prepare(s, SQL_EN_NEXT_POS)))
			rc = STORE_ERROR;
		else {
			store_bind_int(st, 1, jid);
			rc = store_query_int(s, st, &pos);
		}
		if (rc == STORE_OK)
			rc = store_insert_entry(s, jid, row.id, weight, pos);
	}
	if (rc == STORE_OK)
		rc = store_journey_touch(s, jid);
	return store_tx_end(s, rc);
}
