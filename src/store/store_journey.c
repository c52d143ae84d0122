/*
 * store_journey.c - journey rows: find, list, create, copy, rename, delete,
 * title and description; and the checks every edit shares.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_int.h"
#include "util.h"

/* --- journeys -------------------------------------------------------- */

int64_t store_now(void)
{
	return (int64_t)time(NULL);
}

int store_journey_id(struct store *s, const char *key, int64_t *id,
		     int64_t *version)
{
	struct store_stmt *st = store_prepare(s, SQL_JOURNEY_ID);
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_text(st, 1, key);
	rc = store_step(s, st);
	if (rc == STORE_ROW) {
		*id = store_col_int(st, 0);
		if (version)
			*version = store_col_int(st, 1);
		store_reset(st);
		return STORE_OK;
	}
	store_reset(st);
	if (rc != STORE_OK)
		return rc;
	return store_fail(s, STORE_NOT_FOUND, "no journey '%s'", key);
}

int store_journey_touch(struct store *s, int64_t jid)
{
	struct store_stmt *st = store_prepare(s, SQL_JOURNEY_TOUCH);

	if (!st)
		return STORE_ERROR;
	s->tx_jid = jid;
	store_bind_int(st, 1, jid);
	store_bind_int(st, 2, store_now());
	store_bind_int(st, 3, s->gen);
	return store_exec_stmt(s, st);
}

int store_journey_version(struct store *s, const char *key, int64_t *version)
{
	int64_t id;

	return store_journey_id(s, key, &id, version);
}

void store_journey_list_free(struct store_journey_info *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].key);
		free(list[i].title);
	}
	free(list);
}

int store_journey_list(struct store *s, struct store_journey_info **out,
		       size_t *n)
{
	struct store_stmt *st = store_prepare(s, SQL_JOURNEY_LIST);
	struct store_journey_info *list = NULL;
	size_t cap = 0, count = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return STORE_ERROR;
	while ((rc = store_step(s, st)) == STORE_ROW) {
		struct store_journey_info *ji;

		util_reserve((void **)&list, &cap, count + 1, sizeof *list);
		ji = &list[count++];
		ji->key = store_col_text(st, 0);
		ji->title = store_col_text(st, 1);
		ji->updated = store_col_int(st, 2);
		ji->n_touchpoints = (size_t)store_col_int(st, 3);
		ji->n_transitions = (size_t)store_col_int(st, 4);
		ji->n_personas = (size_t)store_col_int(st, 5);
		if (store_check_key(s, "journey", ji->key) != STORE_OK) {
			rc = STORE_ERROR;
			break;
		}
	}
	store_reset(st);
	if (rc != STORE_OK) {
		store_journey_list_free(list, count);
		return rc;
	}
	*out = list;
	*n = count;
	return STORE_OK;
}

int store_journey_create(struct store *s, const char *key, const char *title)
{
	struct mot_journey j;
	int rc;

	if (!model_key_valid(key))
		return store_fail(s, STORE_INVALID, "invalid journey key '%s': "
				  "use lower-case letters, digits and '-'", key);
	model_journey_init(&j);
	j.key = (char *)key;
	j.title = (char *)title;
	/* the text rules of a file (model_text_ok) */
	if (store_check_fields(s, &j) != STORE_OK)
		return STORE_INVALID;
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_insert_journey(s, &j);
	return store_tx_end(s, rc);
}

int store_journey_delete(struct store *s, const char *key)
{
	int64_t jid;
	int rc = store_tx_begin(s);

	if (rc == STORE_OK)
		rc = store_journey_id(s, key, &jid, NULL);
	if (rc == STORE_OK)
		rc = store_exec_id(s, SQL_JOURNEY_DELETE, jid);
	return store_tx_end(s, rc);
}

int store_journey_copy(struct store *s, const char *key, const char *new_key)
{
	struct mot_journey j;
	char *old_key;
	int rc;

	if (!model_key_valid(new_key))
		return store_fail(s, STORE_INVALID, "invalid journey key '%s': "
				  "use lower-case letters, digits and '-'",
				  new_key);
	rc = store_tx_begin(s);
	if (rc != STORE_OK)
		return rc;
	rc = store_journey_load(s, key, &j);
	if (rc == STORE_OK) {
		old_key = j.key;
		j.key = (char *)new_key;
		j.created = 0;
		rc = store_import_one(s, &j, false);
		if (rc == STORE_EXISTS)
			store_fail(s, rc, "journey '%s' exists already", new_key);
		j.key = old_key;
		model_journey_free(&j);
	}
	return store_tx_end(s, rc);
}

int store_journey_rename(struct store *s, const char *key, const char *new_key)
{
	int64_t jid, other;
	struct store_stmt *st;
	int rc;

	if (!model_key_valid(new_key))
		return store_fail(s, STORE_INVALID, "invalid journey key '%s': "
				  "use lower-case letters, digits and '-'",
				  new_key);
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_journey_id(s, key, &jid, NULL);
	if (rc == STORE_OK && strcmp(key, new_key) != 0 &&
	    store_journey_id(s, new_key, &other, NULL) == STORE_OK)
		rc = store_fail(s, STORE_EXISTS, "journey '%s' exists already",
				new_key);
	if (rc == STORE_OK && !(st = store_prepare(s, SQL_JOURNEY_RENAME)))
		rc = STORE_ERROR;
	if (rc == STORE_OK) {
		store_bind_int(st, 1, jid);
		store_bind_text(st, 2, new_key);
		store_bind_int(st, 3, store_now());
		store_bind_int(st, 4, s->gen);
		rc = store_exec_stmt(s, st);
	}
	return store_tx_end(s, rc);
}

int store_check_hit(struct store *s, int rc, bool still_there,
		    const char *what)
{
	if (rc != STORE_OK)
		return rc;
	if (store_changes(s) > 0)
		return STORE_OK;
	if (still_there)
		return store_fail(s, STORE_CONFLICT, "%s was changed by another "
				  "mot since it was read; reload and try again",
				  what);
	return store_fail(s, STORE_NOT_FOUND, "%s no longer exists", what);
}

int store_journey_set_meta(struct store *s, const char *key, const char *title,
			   const char *description, int64_t base_version)
{
	struct store_stmt *st;
	struct mot_journey j;
	int64_t jid;
	int rc;

	model_journey_init(&j);
	j.key = "x";	/* the key is not changed here */
	j.title = (char *)title;
	j.description = (char *)description;
	if (store_check_fields(s, &j) != STORE_OK)
		return STORE_INVALID;
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_journey_id(s, key, &jid, NULL);
	if (rc == STORE_OK && !(st = store_prepare(s, SQL_JOURNEY_META)))
		rc = STORE_ERROR;
	if (rc == STORE_OK) {
		store_bind_int(st, 1, jid);
		store_bind_text(st, 2, title);
		store_bind_text(st, 3, description);
		store_bind_int(st, 4, store_now());
		store_bind_int(st, 5, base_version);
		store_bind_int(st, 6, s->gen);
		rc = store_check_hit(s, store_exec_stmt(s, st), true,
				     "the journey");
	}
	return store_tx_end(s, rc);
}

int store_check_key(struct store *s, const char *what, const char *key)
{
	char shown[MOT_KEY_MAX + 4];
	size_t n = 0;

	if (model_key_valid(key))
		return STORE_OK;
	/* Shown safely: it may hold anything, escapes included. */
	for (const char *p = key ? key : ""; *p && n < MOT_KEY_MAX; p++)
		shown[n++] = (unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p;
	if (key && strlen(key) > MOT_KEY_MAX)
		memcpy(shown + n, "...", 3), n += 3;
	shown[n] = '\0';
	return store_fail(s, STORE_ERROR, "%s: the %s key '%s' in the database "
			  "is not a valid key (changed outside mot?); refusing "
			  "it", s->name, what, shown);
}

/* Report the first finding of the model's field checks as STORE_INVALID:
 * the store refuses what a file import would refuse. */
int store_check_fields(struct store *s, const struct mot_journey *j)
{
	struct mot_diags d = { 0 };
	const char *field;
	int rc = STORE_OK;

	model_validate_fields(j, &d);
	if (d.errors > 0) {
		field = strchr(d.items[0].path, '.');
		rc = store_fail(s, STORE_INVALID, "%s: %s",
				field ? field + 1 : d.items[0].path,
				d.items[0].message);
	}
	model_diags_free(&d);
	return rc;
}
