/*
 * store_scenario.c - what-if scenarios kept with their journey.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "util.h"

/* --- what-if scenarios ----------------------------------------------- */

/* A rate or score: NAN (nothing measured) is NULL in SQL, both ways. */
static void store_bind_real(struct store_stmt *st, int i, double v)
{
	if (isnan(v))
		store_bind_null(st, i);
	else
		store_bind_double(st, i, v);
}

static double store_col_real(struct store_stmt *st, int i)
{
	return store_col_null(st, i) ? NAN : store_col_double(st, i);
}

static int store_sc_check(struct store *s, const struct store_scenario *sc)
{
	if (util_str_empty(sc->name))
		return store_fail(s, STORE_INVALID, "a scenario needs a name");
	if (!util_utf8_valid(sc->name, strlen(sc->name)))
		return store_fail(s, STORE_INVALID, "the scenario's name is not "
				  "valid UTF-8");
	if (!sc->report)
		return store_fail(s, STORE_INVALID, "scenario '%s' has no "
				  "report", sc->name);
	return STORE_OK;
}

/* The row id of the journey's scenario `name`, or STORE_NOT_FOUND. */
static int store_sc_find(struct store *s, int64_t jid, const char *name,
			 int64_t *id)
{
	struct store_stmt *st = store_prepare(s, SQL_SC_FIND);

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	store_bind_text(st, 2, name);
	return store_query_int(s, st, id);
}

static int store_sc_insert(struct store *s, int64_t jid,
			   const struct store_scenario *sc, int64_t created,
			   int64_t *id)
{
	const double reals[] = {
		sc->base_conv, sc->base_lo, sc->base_hi,
		sc->conv, sc->conv_lo, sc->conv_hi,
		sc->diff, sc->diff_lo, sc->diff_hi,
	};
	struct store_stmt *st = store_prepare(s, SQL_SC_INSERT);

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	store_bind_text(st, 2, sc->name);
	store_bind_int(st, 3, created);
	/* SQL integers are signed 64-bit: keep the same 64 bits. */
	store_bind_int(st, 4, (int64_t)sc->customers);
	store_bind_int(st, 5, (int64_t)sc->seed);
	store_bind_text(st, 6, sc->persona);
	store_bind_int(st, 7, sc->plain);
	store_bind_text(st, 8, sc->changes ? sc->changes : "");
	for (int k = 0; k < 9; k++)
		store_bind_real(st, 9 + k, reals[k]);
	store_bind_int(st, 18, sc->significant);
	store_bind_real(st, 19, sc->base_nps);
	store_bind_real(st, 20, sc->nps);
	store_bind_text(st, 21, sc->report);
	return store_query_int(s, st, id);
}

/* Delete scenario `id` of journey row jid; STORE_NOT_FOUND when gone. */
static int store_sc_remove(struct store *s, int64_t jid, int64_t id)
{
	struct store_stmt *st = store_prepare(s, SQL_SC_DELETE);
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, id);
	store_bind_int(st, 2, jid);
	rc = store_exec_stmt(s, st);
	if (rc == STORE_OK && store_changes(s) == 0)
		rc = store_fail(s, STORE_NOT_FOUND, "the scenario no longer "
				"exists");
	return rc;
}

/* Make way for a scenario called `name`: refuse a name in use, or, when
 * replacing, delete the scenario that has it. */
static int store_sc_make_room(struct store *s, const char *journey,
			      int64_t jid, const char *name, bool replace)
{
	int64_t old = 0;
	int rc = store_sc_find(s, jid, name, &old);

	if (rc == STORE_NOT_FOUND)
		return STORE_OK;
	if (rc != STORE_OK)
		return rc;
	if (!replace)
		return store_fail(s, STORE_EXISTS, "journey '%s' has a scenario "
				  "'%s' already", journey, name);
	return store_sc_remove(s, jid, old);
}

int store_scenario_save(struct store *s, const char *journey,
			struct store_scenario *sc, bool replace)
{
	int64_t jid, id = 0, created = sc->created ? sc->created : store_now();
	int rc = store_sc_check(s, sc);

	if (rc != STORE_OK)
		return rc;
	rc = store_tx_begin(s);
	if (rc == STORE_OK)
		rc = store_journey_id(s, journey, &jid, NULL);
	if (rc == STORE_OK)
		rc = store_sc_make_room(s, journey, jid, sc->name, replace);
	/* Not an edit of the journey: its version stays, so a designer that
	 * has the journey open keeps its undo and does not reload. */
	if (rc == STORE_OK)
		rc = store_sc_insert(s, jid, sc, created, &id);
	rc = store_tx_end(s, rc);
	if (rc == STORE_OK) {
		sc->id = id;
		sc->created = created;
	}
	return rc;
}

void store_scenario_free(struct store_scenario *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].name);
		free(list[i].persona);
		free(list[i].changes);
		free(list[i].report);
	}
	free(list);
}

static void store_sc_read(struct store_stmt *st, struct store_scenario *sc)
{
	double *reals[] = {
		&sc->base_conv, &sc->base_lo, &sc->base_hi,
		&sc->conv, &sc->conv_lo, &sc->conv_hi,
		&sc->diff, &sc->diff_lo, &sc->diff_hi,
	};

	sc->id = store_col_int(st, 0);
	sc->name = store_col_text(st, 1);
	sc->created = store_col_int(st, 2);
	sc->customers = (uint64_t)store_col_int(st, 3);
	sc->seed = (uint64_t)store_col_int(st, 4);
	sc->persona = store_col_text(st, 5);
	sc->plain = store_col_int(st, 6) != 0;
	sc->changes = store_col_text(st, 7);
	if (!sc->changes)
		sc->changes = xstrdup("");
	for (int k = 0; k < 9; k++)
		*reals[k] = store_col_real(st, 8 + k);
	sc->significant = store_col_int(st, 17) != 0;
	sc->base_nps = store_col_real(st, 18);
	sc->nps = store_col_real(st, 19);
	sc->report = store_col_text(st, 20);
	if (!sc->report)
		sc->report = xstrdup("");
}

static int store_sc_rows(struct store *s, int64_t jid,
			 struct store_scenario **out, size_t *n)
{
	struct store_stmt *st = store_prepare(s, SQL_SC_LIST);
	size_t cap = 0;
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	while ((rc = store_step(s, st)) == STORE_ROW) {
		util_reserve((void **)out, &cap, *n + 1, sizeof **out);
		memset(&(*out)[*n], 0, sizeof **out);
		store_sc_read(st, &(*out)[(*n)++]);
	}
	store_reset(st);
	return rc;
}

int store_scenario_list(struct store *s, const char *journey,
			struct store_scenario **out, size_t *n)
{
	int64_t jid = 0;
	int rc;

	*out = NULL;
	*n = 0;
	/* One snapshot: the journey cannot go between its id and its rows. */
	if (store_read_begin(s) != STORE_OK)
		return STORE_ERROR;
	rc = store_journey_id(s, journey, &jid, NULL);
	if (rc == STORE_OK)
		rc = store_sc_rows(s, jid, out, n);
	store_read_end(s);
	if (rc != STORE_OK) {
		store_scenario_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

int store_scenario_delete(struct store *s, const char *journey, int64_t id)
{
	int64_t jid;
	int rc = store_tx_begin(s);

	if (rc == STORE_OK)
		rc = store_journey_id(s, journey, &jid, NULL);
	if (rc == STORE_OK)
		rc = store_sc_remove(s, jid, id);
	return store_tx_end(s, rc);
}
