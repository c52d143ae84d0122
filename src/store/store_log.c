/*
 * store_log.c - event logs kept with their journey: a row per log, its
 * activities with the touchpoint key each stands for, and its cases in
 * parts of MODEL_LOG_PART_CASES cases (model_log_encode), so that a
 * million events are a few hundred rows written in well under a second.
 */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "util.h"

static int store_log_check(struct store *s, const struct mot_log *l)
{
	if (util_str_empty(l->name))
		return store_fail(s, STORE_INVALID, "a log needs a name");
	if (!util_utf8_valid(l->name, strlen(l->name)))
		return store_fail(s, STORE_INVALID, "the log's name is not "
				  "valid UTF-8");
	if (!l->source)
		return store_fail(s, STORE_INVALID, "log '%s' has no source",
				  l->name);
	for (size_t a = 0; a < l->n_activities; a++)
		if (!l->activities[a].touchpoint)
			return store_fail(s, STORE_INVALID, "log '%s': activity "
					  "'%s' stands for no touchpoint", l->name,
					  l->activities[a].name);
	return STORE_OK;
}

/* The row id of the journey's log `name`, or STORE_NOT_FOUND. */
static int store_log_find(struct store *s, int64_t jid, const char *name,
			  int64_t *id)
{
	struct store_stmt *st = store_prepare(s, SQL_LOG_FIND);

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	store_bind_text(st, 2, name);
	return store_query_int(s, st, id);
}

static int store_log_make_room(struct store *s, const char *journey,
			       int64_t jid, const char *name, bool replace)
{
	int64_t old = 0;
	int rc = store_log_find(s, jid, name, &old);

	if (rc == STORE_NOT_FOUND)
		return STORE_OK;
	if (rc != STORE_OK)
		return rc;
	if (!replace)
		return store_fail(s, STORE_EXISTS, "journey '%s' has a log '%s' "
				  "already", journey, name);
	return store_exec_id(s, SQL_LOG_DELETE, old);
}

static int store_log_insert_row(struct store *s, int64_t jid,
				const struct mot_log *l, int64_t imported,
				int64_t *id)
{
	struct store_stmt *st = store_prepare(s, SQL_LOG_INSERT);

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	store_bind_text(st, 2, l->name);
	store_bind_text(st, 3, l->source);
	store_bind_int(st, 4, imported);
	store_bind_int(st, 5, (int64_t)l->n_cases);
	store_bind_int(st, 6, (int64_t)l->n_events);
	return store_query_int(s, st, id);
}

static int store_log_insert_contents(struct store *s, int64_t id,
				     const struct mot_log *l)
{
	struct strbuf b;
	int rc = STORE_OK;
	int64_t pos = 0;

	for (size_t a = 0; a < l->n_activities && rc == STORE_OK; a++) {
		struct store_stmt *st = store_prepare(s, SQL_LOG_ACT_INSERT);

		if (!st)
			return STORE_ERROR;
		store_bind_int(st, 1, id);
		store_bind_int(st, 2, (int64_t)a);
		store_bind_text(st, 3, l->activities[a].name);
		store_bind_text(st, 4, l->activities[a].touchpoint);
		store_bind_int(st, 5, (int64_t)l->activities[a].events);
		rc = store_exec_stmt(s, st);
	}
	strbuf_init(&b);
	for (size_t c = 0; c < l->n_cases && rc == STORE_OK;
	     c += MODEL_LOG_PART_CASES) {
		struct store_stmt *st = store_prepare(s, SQL_LOG_PART_INSERT);

		if (!st) {
			rc = STORE_ERROR;
			break;
		}
		b.len = 0;
		model_log_encode(l, c, MODEL_LOG_PART_CASES, &b);
		store_bind_int(st, 1, id);
		store_bind_int(st, 2, pos++);
		store_bind_blob(st, 3, b.s, b.len);
		rc = store_exec_stmt(s, st);
	}
	strbuf_free(&b);
	return rc;
}

int store_log_save(struct store *s, const char *journey, struct mot_log *l,
		   bool replace)
{
	int64_t jid, id = 0, imported = l->imported ? l->imported : store_now();
	int rc = store_log_check(s, l);

	if (rc != STORE_OK)
		return rc;
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_journey_id(s, journey, &jid, NULL);
	if (rc == STORE_OK)
		rc = store_log_make_room(s, journey, jid, l->name, replace);
	/* Not an edit of the journey: its version stays. */
	if (rc == STORE_OK)
		rc = store_log_insert_row(s, jid, l, imported, &id);
	if (rc == STORE_OK)
		rc = store_log_insert_contents(s, id, l);
	rc = store_tx_end(s, rc);
	if (rc == STORE_OK) {
		l->id = id;
		l->imported = imported;
	}
	return rc;
}

void store_log_list_free(struct store_log_info *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].journey);
		free(list[i].name);
		free(list[i].source);
	}
	free(list);
}

int store_log_list(struct store *s, const char *journey,
		   struct store_log_info **out, size_t *n)
{
	struct store_stmt *st;
	size_t cap = 0;
	int64_t jid = 0;
	int rc = store_read_begin(s);

	*out = NULL;
	*n = 0;
	if (rc != STORE_OK)
		return rc;
	if (journey)
		rc = store_journey_id(s, journey, &jid, NULL);
	if (rc == STORE_OK && !(st = store_prepare(s, SQL_LOG_LIST)))
		rc = STORE_ERROR;
	if (rc == STORE_OK) {
		if (journey)
			store_bind_int(st, 1, jid);
		while ((rc = store_step(s, st)) == STORE_ROW) {
			util_reserve((void **)out, &cap, *n + 1, sizeof **out);
			(*out)[(*n)++] = (struct store_log_info){
				store_col_int(st, 0), store_col_text(st, 1),
				store_col_text(st, 2), store_col_text(st, 3),
				store_col_int(st, 4), (uint64_t)store_col_int(st, 5),
				(uint64_t)store_col_int(st, 6) };
		}
		store_reset(st);
	}
	store_read_end(s);
	if (rc != STORE_OK) {
		store_log_list_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

/* The log's row into l; STORE_NOT_FOUND with a message. */
static int store_log_head(struct store *s, const char *journey, int64_t jid,
			  const char *name, struct mot_log *l, uint64_t *cases,
			  uint64_t *events)
{
	struct store_stmt *st = store_prepare(s, SQL_LOG_GET);
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	store_bind_text(st, 2, name);
	rc = store_step(s, st);
	if (rc == STORE_ROW) {
		l->id = store_col_int(st, 0);
		l->name = store_col_text(st, 1);
		l->source = store_col_text(st, 2);
		l->imported = store_col_int(st, 3);
		*cases = (uint64_t)store_col_int(st, 4);
		*events = (uint64_t)store_col_int(st, 5);
		rc = STORE_OK;
	} else if (rc == STORE_OK) {
		rc = name ? store_fail(s, STORE_NOT_FOUND, "journey '%s' has no "
				       "log '%s'", journey, name) :
			    store_fail(s, STORE_NOT_FOUND, "journey '%s' has no "
				       "logs; see mot log import", journey);
	}
	store_reset(st);
	return rc;
}

static int store_log_activities(struct store *s, struct mot_log *l)
{
	struct store_stmt *st = store_prepare(s, SQL_LOG_ACT_LOAD);
	size_t cap = 0;
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, l->id);
	while ((rc = store_step(s, st)) == STORE_ROW) {
		util_reserve((void **)&l->activities, &cap, l->n_activities + 1,
			     sizeof *l->activities);
		l->activities[l->n_activities++] = (struct mot_log_activity){
			store_col_text(st, 0), store_col_text(st, 1),
			(uint64_t)store_col_int(st, 2) };
	}
	store_reset(st);
	return rc;
}

static int store_log_parts(struct store *s, struct mot_log *l)
{
	struct store_stmt *st = store_prepare(s, SQL_LOG_PART_LOAD);
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, l->id);
	while ((rc = store_step(s, st)) == STORE_ROW) {
		size_t n;
		const void *data = store_col_blob(st, 0, &n);

		if (model_log_decode(l, data, n) != 0) {
			rc = store_fail(s, STORE_ERROR, "log '%s' is damaged in "
					"the database", l->name);
			break;
		}
	}
	store_reset(st);
	return rc;
}

int store_log_load(struct store *s, const char *journey, const char *name,
		   struct mot_log *out)
{
	uint64_t cases = 0, events = 0;
	int64_t jid;
	int rc = store_read_begin(s);

	model_log_init(out);
	if (rc != STORE_OK)
		return rc;
	rc = store_journey_id(s, journey, &jid, NULL);
	if (rc == STORE_OK)
		rc = store_log_head(s, journey, jid, name, out, &cases, &events);
	if (rc == STORE_OK)
		rc = store_log_activities(s, out);
	if (rc == STORE_OK)
		rc = store_log_parts(s, out);
	if (rc == STORE_OK && (out->n_cases != cases || out->n_events != events))
		rc = store_fail(s, STORE_ERROR, "log '%s' is damaged in the "
				"database: %zu of %llu cases", out->name,
				out->n_cases, (unsigned long long)cases);
	store_read_end(s);
	if (rc != STORE_OK)
		model_log_free(out);
	return rc;
}

int store_log_delete(struct store *s, const char *journey, const char *name)
{
	int64_t jid, id = 0;
	int rc = store_tx_begin(s);

	if (rc == STORE_OK)
		rc = store_journey_id(s, journey, &jid, NULL);
	if (rc == STORE_OK) {
		rc = store_log_find(s, jid, name, &id);
		if (rc == STORE_NOT_FOUND)
			rc = store_fail(s, STORE_NOT_FOUND, "journey '%s' has no "
					"log '%s'", journey, name);
	}
	if (rc == STORE_OK)
		rc = store_exec_id(s, SQL_LOG_DELETE, id);
	return store_tx_end(s, rc);
}

int store_log_rename_touchpoint(struct store *s, int64_t jid,
				const char *key, const char *new_key)
{
	struct store_stmt *st = store_prepare(s, SQL_LOG_RENAME_TP);

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	store_bind_text(st, 2, key);
	store_bind_text(st, 3, new_key);
	return store_exec_stmt(s, st);
}
