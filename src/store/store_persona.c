/*
 * store_persona.c - personas of a journey.
 */
#include <string.h>

#include "store_int.h"
#include "util.h"

/* --- personas -------------------------------------------------------- */

static int store_pe_find(struct store *s, int64_t jid, const char *key,
			 int64_t *id, int64_t *version)
{
	struct store_stmt *st = store_prepare(s, SQL_PE_FIND);
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	store_bind_text(st, 2, key);
	rc = store_step(s, st);
	if (rc == STORE_ROW) {
		*id = store_col_int(st, 0);
		*version = store_col_int(st, 1);
	}
	store_reset(st);
	if (rc == STORE_ROW)
		return STORE_OK;
	if (rc != STORE_OK)
		return rc;
	return store_fail(s, STORE_NOT_FOUND, "no persona '%s'", key ? key : "");
}

static int store_pe_check(struct store *s, const struct mot_persona *p)
{
	struct mot_journey j;

	model_journey_init(&j);
	j.key = "x";
	j.title = "x";
	j.personas = (struct mot_persona *)p;
	j.n_personas = 1;
	return store_check_fields(s, &j);
}

int store_persona_add(struct store *s, const char *journey,
		      struct mot_persona *p)
{
	struct store_stmt *st = NULL;
	int64_t jid, pos = 0, gen;
	int rc = store_pe_check(s, p);

	if (rc != STORE_OK)
		return rc;
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_journey_id(s, journey, &jid, NULL);
	if (rc == STORE_OK && !(st = store_prepare(s, SQL_PE_NEXT_POS)))
		rc = STORE_ERROR;
	if (rc == STORE_OK) {
		store_bind_int(st, 1, jid);
		rc = store_query_int(s, st, &pos);
	}
	if (rc == STORE_OK)
		rc = store_insert_persona(s, jid, p, pos);
	if (rc == STORE_OK)
		rc = store_journey_touch(s, jid);
	gen = s->gen;
	rc = store_tx_end(s, rc);
	if (rc == STORE_OK)
		p->version = gen;
	return rc;
}

int store_persona_update(struct store *s, const char *journey,
			 const char *key, struct mot_persona *p)
{
	struct store_stmt *st = NULL;
	int64_t jid, id = 0, cur = 0, oid, over, gen;
	int rc = store_pe_check(s, p);

	if (rc != STORE_OK)
		return rc;
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_journey_id(s, journey, &jid, NULL);
	if (rc == STORE_OK)
		rc = store_pe_find(s, jid, key, &id, &cur);
	if (rc == STORE_OK && cur != p->version)
		rc = store_fail(s, STORE_CONFLICT, "persona '%s' was changed by "
				"another mot since it was read; reload and try "
				"again", key);
	if (rc == STORE_OK && strcmp(key, p->key) != 0 &&
	    store_pe_find(s, jid, p->key, &oid, &over) == STORE_OK)
		rc = store_fail(s, STORE_EXISTS, "persona '%s' exists already",
				p->key);
	if (rc == STORE_OK && !(st = store_prepare(s, SQL_PE_UPDATE)))
		rc = STORE_ERROR;
	if (rc == STORE_OK) {
		store_bind_int(st, 1, id);
		store_bind_int(st, 2, cur);
		store_bind_text(st, 3, p->key);
		store_bind_text(st, 4, p->name);
		store_bind_text(st, 5, p->description);
		store_bind_double(st, 6, p->share);
		store_bind_int(st, 7, p->patience);
		store_bind_double(st, 8, p->explore_bias);
		store_bind_double(st, 9, p->emotion_sensitivity);
		store_bind_int(st, 10, s->gen);
		rc = store_check_hit(s, store_exec_stmt(s, st), true,
				     "the persona");
	}
	if (rc == STORE_OK)
		rc = store_journey_touch(s, jid);
	gen = s->gen;
	rc = store_tx_end(s, rc);
	if (rc == STORE_OK)
		p->version = gen;
	return rc;
}

int store_persona_delete(struct store *s, const char *journey,
			 const char *key, int64_t base_version)
{
	struct store_stmt *st = NULL;
	int64_t jid, id = 0, cur = 0;
	int rc = store_tx_begin(s);

	if (rc == STORE_OK)
		rc = store_journey_id(s, journey, &jid, NULL);
	if (rc == STORE_OK)
		rc = store_pe_find(s, jid, key, &id, &cur);
	if (rc == STORE_OK && cur != base_version)
		rc = store_fail(s, STORE_CONFLICT, "persona '%s' was changed by "
				"another mot since it was read; reload and try "
				"again", key);
	if (rc == STORE_OK && !(st = store_prepare(s, SQL_PE_DELETE)))
		rc = STORE_ERROR;
	if (rc == STORE_OK) {
		store_bind_int(st, 1, id);
		store_bind_int(st, 2, base_version);
		rc = store_check_hit(s, store_exec_stmt(s, st), true,
				     "the persona");
	}
	if (rc == STORE_OK)
		rc = store_journey_touch(s, jid);
	return store_tx_end(s, rc);
}
