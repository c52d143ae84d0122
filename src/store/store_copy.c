/*
 * store_copy.c - every journey of one database into another, of either
 * kind: `mot db copy`, so that a designer can move from a laptop to the
 * team's database and back.
 *
 * What is copied is everything the store keeps of a journey: its rows
 * (touchpoints with their lanes, transitions, entries, personas) through
 * the import, its scenarios and its event logs.  A table added to the store must be
 * copied here too.  The source is read in one snapshot; the target is
 * written in one transaction, so a failure leaves it as it was.
 */
#include <stdlib.h>

#include "store_int.h"
#include "util.h"

/* The event logs of a journey, oldest first (so that the newest stays
 * the newest). */
static int store_copy_logs(struct store *from, struct store *to,
			   const char *key, size_t *n_logs)
{
	struct store_log_info *list = NULL;
	size_t n = 0;
	int rc = store_log_list(from, key, &list, &n);

	if (rc != STORE_OK)
		rc = store_fail(to, rc, "%s", store_errmsg(from));
	for (size_t i = n; rc == STORE_OK && i-- > 0;) {
		struct mot_log l;

		rc = store_log_load(from, key, list[i].name, &l);
		if (rc != STORE_OK)
			rc = store_fail(to, rc, "%s", store_errmsg(from));
		else
			rc = store_log_save(to, key, &l, false);
		if (rc == STORE_OK)
			++*n_logs;
		model_log_free(&l);
	}
	store_log_list_free(list, n);
	return rc;
}

/* One journey, its scenarios and its logs, from `from` into `to` (in its
 * batch). */
static int store_copy_one(struct store *from, struct store *to,
			  const char *key, size_t *n_scenarios, size_t *n_logs)
{
	struct store_scenario *sc = NULL;
	struct mot_journey j;
	size_t n = 0;
	int rc = store_journey_load(from, key, &j);

	if (rc != STORE_OK)
		return store_fail(to, rc, "%s", store_errmsg(from));
	rc = store_scenario_list(from, key, &sc, &n);
	if (rc != STORE_OK)
		rc = store_fail(to, rc, "%s", store_errmsg(from));
	if (rc == STORE_OK)
		rc = store_journey_import(to, &j, 1, false, NULL);
	/* oldest first, so that the list order of the copy is the same */
	for (size_t i = n; rc == STORE_OK && i-- > 0;) {
		rc = store_scenario_save(to, key, &sc[i], false);
		*n_scenarios += rc == STORE_OK;
	}
	if (rc == STORE_OK)
		rc = store_copy_logs(from, to, key, n_logs);
	store_scenario_free(sc, n);
	model_journey_free(&j);
	return rc;
}

int store_copy_all(struct store *from, struct store *to, size_t *n_journeys,
		   size_t *n_scenarios, size_t *n_logs)
{
	struct store_journey_info *list = NULL;
	size_t n = 0, sc = 0, logs = 0, done = 0;
	bool begun = false;
	int rc = store_read_begin(from);

	if (rc != STORE_OK)
		return store_fail(to, rc, "%s", store_errmsg(from));
	rc = store_journey_list(from, &list, &n);
	if (rc != STORE_OK)
		rc = store_fail(to, rc, "%s", store_errmsg(from));
	if (rc == STORE_OK)
		begun = (rc = store_batch_begin(to)) == STORE_OK;
	for (size_t i = 0; rc == STORE_OK && i < n; i++) {
		rc = store_copy_one(from, to, list[i].key, &sc, &logs);
		done += rc == STORE_OK;
	}
	if (rc == STORE_EXISTS)
		store_fail(to, rc, "%s: has a journey '%s' already; nothing "
			   "was copied", to->name, list[done].key);
	if (begun)
		rc = store_batch_end(to, rc);
	store_read_end(from);
	store_journey_list_free(list, n);
	if (n_journeys)
		*n_journeys = rc == STORE_OK ? done : 0;
	if (n_scenarios)
		*n_scenarios = rc == STORE_OK ? sc : 0;
	if (n_logs)
		*n_logs = rc == STORE_OK ? logs : 0;
	return rc;
}
