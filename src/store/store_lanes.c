/*
 * store_lanes.c - the lanes of a touchpoint that are rows of their own:
 * the items of pains, opportunities and evidence (table lane_item, by
 * lane key and position) and the KPIs (table kpi).  Thinking and backstage
 * are columns of the touchpoint, written with it.
 *
 * The lanes change only as part of a touchpoint: an update replaces them
 * in the same transaction, after the touchpoint's version check, so that
 * conflict detection and undo cover them like every other field.
 */
#include <stdlib.h>

#include "store_int.h"
#include "util.h"

static const enum mot_lane store_list_lanes[] = {
	MOT_LANE_PAINS, MOT_LANE_OPPORTUNITIES, MOT_LANE_EVIDENCE,
};
#define STORE_N_LIST_LANES (sizeof store_list_lanes / sizeof store_list_lanes[0])

static int store_lane_insert_items(struct store *s, int64_t jid, int64_t tpid,
				   enum mot_lane lane,
				   const struct mot_list *l)
{
	int rc = STORE_OK;

	for (size_t k = 0; rc == STORE_OK && k < l->n; k++) {
		struct store_stmt *st = store_prepare(s, SQL_LANE_INSERT);

		if (!st)
			return STORE_ERROR;
		store_bind_int(st, 1, jid);
		store_bind_int(st, 2, tpid);
		store_bind_text(st, 3, model_lane_key(lane));
		store_bind_int(st, 4, (int64_t)k);
		store_bind_text(st, 5, l->items[k]);
		rc = store_exec_later(s, st);
	}
	return rc;
}

static int store_kpi_insert(struct store *s, int64_t jid, int64_t tpid,
			    size_t position, const struct mot_kpi *k)
{
	struct store_stmt *st = store_prepare(s, SQL_KPI_INSERT);

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	store_bind_int(st, 2, tpid);
	store_bind_int(st, 3, (int64_t)position);
	store_bind_text(st, 4, k->name);
	store_bind_double(st, 5, k->value);
	if (k->has_target)
		store_bind_double(st, 6, k->target);
	else
		store_bind_null(st, 6);
	store_bind_text(st, 7, k->unit && *k->unit ? k->unit : NULL);
	store_bind_int(st, 8, k->lower_better);
	return store_exec_later(s, st);
}

int store_lanes_insert(struct store *s, int64_t jid, int64_t tpid,
		       const struct mot_touchpoint *tp)
{
	int rc = STORE_OK;

	for (size_t i = 0; rc == STORE_OK && i < STORE_N_LIST_LANES; i++)
		rc = store_lane_insert_items(s, jid, tpid, store_list_lanes[i],
				model_lane_list_const(tp, store_list_lanes[i]));
	for (size_t k = 0; rc == STORE_OK && k < tp->n_kpis; k++)
		rc = store_kpi_insert(s, jid, tpid, k, &tp->kpis[k]);
	return rc;
}

int store_lanes_replace(struct store *s, int64_t jid, int64_t tpid,
			const struct mot_touchpoint *tp)
{
	int rc = store_exec_id(s, SQL_LANE_CLEAR, tpid);

	if (rc == STORE_OK)
		rc = store_exec_id(s, SQL_KPI_CLEAR, tpid);
	if (rc == STORE_OK)
		rc = store_lanes_insert(s, jid, tpid, tp);
	return rc;
}

static int store_lanes_load_items(struct store *s, int64_t jid,
				  struct mot_journey *j,
				  const struct store_idmap *map)
{
	struct store_stmt *st = store_prepare(s, SQL_LANE_LOAD);
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	while ((rc = store_step(s, st)) == STORE_ROW) {
		long i = store_idmap_find(map, j->n_touchpoints,
					  store_col_int(st, 0));
		char *lane = store_col_text(st, 1), *text;
		struct mot_list *l = NULL;
		int which = model_lane_parse(lane);

		free(lane);
		if (i >= 0 && which >= 0)
			l = model_lane_list(&j->touchpoints[i], which);
		if (!l)
			continue;	/* impossible with the CHECK and keys */
		text = store_col_text(st, 2);
		model_list_add(l, text);
		free(text);
	}
	store_reset(st);
	return rc;
}

static int store_lanes_load_kpis(struct store *s, int64_t jid,
				 struct mot_journey *j,
				 const struct store_idmap *map)
{
	struct store_stmt *st = store_prepare(s, SQL_KPI_LOAD);
	int rc;

	if (!st)
		return STORE_ERROR;
	store_bind_int(st, 1, jid);
	while ((rc = store_step(s, st)) == STORE_ROW) {
		long i = store_idmap_find(map, j->n_touchpoints,
					  store_col_int(st, 0));
		struct mot_touchpoint *tp;
		struct mot_kpi *k;

		if (i < 0)
			continue;
		tp = &j->touchpoints[i];
		tp->kpis = xrealloc(tp->kpis, (tp->n_kpis + 1) * sizeof *tp->kpis);
		k = &tp->kpis[tp->n_kpis++];
		model_kpi_init(k);
		k->name = store_col_text(st, 1);
		k->value = store_col_double(st, 2);
		k->has_target = !store_col_null(st, 3);
		k->target = k->has_target ? store_col_double(st, 3) : 0;
		k->unit = store_col_text(st, 4);
		k->lower_better = store_col_int(st, 5) != 0;
	}
	store_reset(st);
	return rc;
}

int store_lanes_load(struct store *s, int64_t jid, struct mot_journey *j,
		     const struct store_idmap *map)
{
	int rc = store_lanes_load_items(s, jid, j, map);

	return rc == STORE_OK ? store_lanes_load_kpis(s, jid, j, map) : rc;
}
