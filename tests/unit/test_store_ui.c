/*
 * test_store_ui.c - the store function the UI added for undo:
 * store_touchpoint_restore() puts a deleted touchpoint back with its
 * transitions, the transitions into it and its entry, all or nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "test_store_fixture.h"
#include "test_ui_fixture.h"

/* What a restore needs, taken from the loaded journey. */
struct saved {
	struct mot_touchpoint tp;
	size_t position;
	struct store_link in[8];
	size_t n_in;
	double entry;
};

static void save_tp(const struct mot_journey *j, const char *key,
		    struct saved *sv)
{
	size_t i = ui_fixture_find(j, key);

	memset(sv, 0, sizeof *sv);
	model_touchpoint_copy(&sv->tp, &j->touchpoints[i]);
	for (size_t k = i; k > 0 && j->touchpoints[k - 1].stage ==
	     j->touchpoints[i].stage; k--)
		sv->position++;
	for (size_t k = 0; k < j->n_touchpoints; k++)
		for (size_t t = 0; k != i && t < j->touchpoints[k].n_next; t++)
			if (strcmp(j->touchpoints[k].next[t].to, key) == 0)
				sv->in[sv->n_in++] = (struct store_link){
					j->touchpoints[k].key,
					j->touchpoints[k].next[t].weight,
					j->touchpoints[k].next[t].label };
	for (size_t e = 0; e < j->n_entries; e++)
		if (strcmp(j->entries[e].to, key) == 0)
			sv->entry = j->entries[e].weight;
}

static const struct mot_transition *find_tr(const struct mot_journey *j,
					    const char *from, const char *to)
{
	const struct mot_touchpoint *tp = &j->touchpoints[ui_fixture_find(j,
									    from)];

	for (size_t k = 0; k < tp->n_next; k++)
		if (strcmp(tp->next[k].to, to) == 0)
			return &tp->next[k];
	return NULL;
}

static void test_restore_puts_everything_back(void **state)
{
	struct sfx *f = *state;
	struct mot_journey j, after;
	struct saved sv;
	const struct mot_transition *t;
	int64_t v0, v1;

	ui_fixture_import(f->s, "j");
	ui_fixture_load(f->s, "j", &j);
	save_tp(&j, "compare", &sv);
	assert_int_equal(sv.position, 1);
	assert_int_equal(sv.n_in, 1);
	assert_int_equal(store_touchpoint_delete(f->s, "j", "compare",
						 sv.tp.version), STORE_OK);
	assert_int_equal(store_journey_version(f->s, "j", &v0), STORE_OK);

	assert_int_equal(store_touchpoint_restore(f->s, "j", &sv.tp,
						  sv.position, sv.in, sv.n_in,
						  sv.entry), STORE_OK);
	assert_true(sv.tp.version > 0);
	assert_true(sv.tp.next[0].version > 0);
	assert_int_equal(store_journey_version(f->s, "j", &v1), STORE_OK);
	assert_true(v1 > v0);

	ui_fixture_load(f->s, "j", &after);
	assert_int_equal(after.n_touchpoints, j.n_touchpoints);
	/* Same place: second in ZMOT, after search. */
	assert_string_equal(after.touchpoints[2].key, "compare");
	assert_string_equal(after.touchpoints[2].name, "Vergleich 比較");
	assert_int_equal(after.touchpoints[2].emotion, -1);
	assert_int_equal(after.touchpoints[2].phase, MOT_PHASE_EVALUATION);
	/* Its own transitions, in their order, with labels. */
	assert_int_equal(after.touchpoints[2].n_next, 2);
	assert_string_equal(after.touchpoints[2].next[0].to, "search");
	assert_string_equal(after.touchpoints[2].next[0].label,
			    "not convinced");
	assert_string_equal(after.touchpoints[2].next[1].to, "buy");
	assert_true(after.touchpoints[2].next[1].weight == 1.5);
	/* And the one into it. */
	t = find_tr(&after, "search", "compare");
	assert_non_null(t);
	assert_true(t->weight == 2);
	model_journey_free(&after);
	model_touchpoint_free(&sv.tp);
	model_journey_free(&j);
}

static void test_restore_entry(void **state)
{
	struct sfx *f = *state;
	struct mot_journey j, after;
	struct saved sv;

	ui_fixture_import(f->s, "j");
	ui_fixture_load(f->s, "j", &j);
	save_tp(&j, "ad", &sv);
	assert_true(sv.entry == 2);
	assert_int_equal(store_touchpoint_delete(f->s, "j", "ad", sv.tp.version),
			 STORE_OK);
	ui_fixture_load(f->s, "j", &after);
	assert_int_equal(after.n_entries, 0);
	model_journey_free(&after);
	assert_int_equal(store_touchpoint_restore(f->s, "j", &sv.tp,
						  sv.position, sv.in, sv.n_in,
						  sv.entry), STORE_OK);
	ui_fixture_load(f->s, "j", &after);
	assert_int_equal(after.n_entries, 1);
	assert_string_equal(after.entries[0].to, "ad");
	assert_true(after.entries[0].weight == 2);
	assert_string_equal(after.touchpoints[0].key, "ad");
	model_journey_free(&after);
	model_touchpoint_free(&sv.tp);
	model_journey_free(&j);
}

/* A transition to a touchpoint that is gone: nothing is restored. */
static void test_restore_all_or_nothing(void **state)
{
	struct sfx *f = *state;
	struct mot_journey j, after;
	struct saved sv;
	int64_t v0, v1;

	ui_fixture_import(f->s, "j");
	ui_fixture_load(f->s, "j", &j);
	save_tp(&j, "compare", &sv);
	assert_int_equal(store_touchpoint_delete(f->s, "j", "compare",
						 sv.tp.version), STORE_OK);
	ui_fixture_load(f->s, "j", &after);
	assert_int_equal(store_touchpoint_delete(f->s, "j", "buy",
			 after.touchpoints[ui_fixture_find(&after, "buy")].version),
			 STORE_OK);
	model_journey_free(&after);
	assert_int_equal(store_journey_version(f->s, "j", &v0), STORE_OK);

	assert_int_equal(store_touchpoint_restore(f->s, "j", &sv.tp,
						  sv.position, sv.in, sv.n_in,
						  sv.entry), STORE_NOT_FOUND);
	assert_int_equal(sv.tp.version, 0);
	assert_int_equal(sv.tp.next[0].version, 0);
	assert_int_equal(store_journey_version(f->s, "j", &v1), STORE_OK);
	assert_true(v1 == v0);
	ui_fixture_load(f->s, "j", &after);
	assert_true(model_touchpoint_find(&after, "compare") < 0);
	assert_int_equal(after.n_touchpoints, 3);
	model_journey_free(&after);
	model_touchpoint_free(&sv.tp);
	model_journey_free(&j);
}

static void test_restore_refuses_taken_key(void **state)
{
	struct sfx *f = *state;
	struct mot_journey j, after;
	struct saved sv;

	ui_fixture_import(f->s, "j");
	ui_fixture_load(f->s, "j", &j);
	save_tp(&j, "buy", &sv);
	assert_int_equal(store_touchpoint_restore(f->s, "j", &sv.tp,
						  sv.position, sv.in, sv.n_in,
						  sv.entry), STORE_EXISTS);
	assert_non_null(strstr(store_errmsg(f->s), "buy"));
	ui_fixture_load(f->s, "j", &after);
	assert_int_equal(after.n_touchpoints, j.n_touchpoints);
	model_journey_free(&after);
	model_touchpoint_free(&sv.tp);
	model_journey_free(&j);
}

/* Inside a caller's batch, a failure rolls back the caller's work too. */
static void test_restore_nests_in_a_batch(void **state)
{
	struct sfx *f = *state;
	struct mot_journey j, after;
	struct saved sv;
	int rc;

	ui_fixture_import(f->s, "j");
	ui_fixture_load(f->s, "j", &j);
	save_tp(&j, "review", &sv);
	assert_int_equal(store_touchpoint_delete(f->s, "j", "review",
						 sv.tp.version), STORE_OK);
	assert_int_equal(store_batch_begin(f->s), STORE_OK);
	assert_int_equal(store_touchpoint_restore(f->s, "j", &sv.tp,
						  sv.position, sv.in, sv.n_in,
						  sv.entry), STORE_OK);
	rc = store_journey_set_meta(f->s, "j", "  ", NULL, 1);
	assert_int_equal(rc, STORE_INVALID);
	assert_int_equal(store_batch_end(f->s, rc), STORE_INVALID);
	ui_fixture_load(f->s, "j", &after);
	assert_true(model_touchpoint_find(&after, "review") < 0);
	model_journey_free(&after);
	model_touchpoint_free(&sv.tp);
	model_journey_free(&j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_restore_puts_everything_back,
						sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_restore_entry,
						sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_restore_all_or_nothing,
						sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_restore_refuses_taken_key,
						sfx_setup_open, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_restore_nests_in_a_batch,
						sfx_setup_open, sfx_teardown),
	};

	return sfx_run("store_ui", tests, sizeof tests / sizeof tests[0], NULL,
		       0);
}
