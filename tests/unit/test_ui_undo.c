/*
 * test_ui_undo.c - change records, undo and redo against a real store:
 * every kind of change goes back to exactly what was stored before, and
 * a change someone else made since is never undone over.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "test_ui_fixture.h"
#include "ui.h"
#include "yamlio.h"

/* The journey's canonical file: equal text, equal data. */
static char *text_of(struct store *s, const char *key)
{
	struct mot_journey j;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	ui_fixture_load(s, key, &j);
	f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(yamlio_write(f, &j), 0);
	fclose(f);
	model_journey_free(&j);
	return buf;
}

/* A touchpoint change whose both sides are the touchpoint as stored. */
static struct ui_change *tp_change(struct store *s, const char *key)
{
	struct ui_change *c = ui_change_new(UI_CHANGE_TOUCHPOINT, "j",
					    "change '%s'", key);
	struct mot_journey j;
	size_t i;

	ui_fixture_load(s, "j", &j);
	i = ui_fixture_find(&j, key);
	ui_tp_state_from(&c->tp[UI_BEFORE], &j, i);
	ui_tp_state_from(&c->tp[UI_AFTER], &j, i);
	model_journey_free(&j);
	return c;
}

static int do_change(struct ui_fixture *f, struct ui_undo *u,
		     struct ui_change *c)
{
	char msg[512];

	return ui_undo_do(u, f->s, c, msg, sizeof msg);
}

static void undo_all(struct ui_fixture *f, struct ui_undo *u)
{
	char msg[512];

	while (u->n_done)
		assert_int_equal(ui_undo_undo(u, f->s, msg, sizeof msg, NULL),
				 STORE_OK);
}

static void test_state_from(void **state)
{
	struct ui_fixture *f = *state;
	struct ui_tp_state st;
	struct mot_journey j;

	ui_fixture_import(f->s, "j");
	ui_fixture_load(f->s, "j", &j);
	memset(&st, 0, sizeof st);
	ui_tp_state_from(&st, &j, ui_fixture_find(&j, "compare"));
	assert_true(st.exists);
	assert_int_equal(st.position, 1);
	assert_int_equal(st.tp.n_next, 2);
	assert_int_equal(st.n_in, 1);
	assert_string_equal(st.in[0].from, "search");
	assert_true(st.entry == 0);
	ui_tp_state_from(&st, &j, ui_fixture_find(&j, "ad"));
	assert_true(st.entry == 2);
	assert_int_equal(st.position, 0);
	ui_tp_state_free(&st);
	model_journey_free(&j);
}

static void test_add_undo_redo(void **state)
{
	struct ui_fixture *f = *state;
	struct ui_change *c;
	struct ui_undo u;
	struct mot_journey j;
	char msg[512];
	const struct ui_change *touched;

	ui_fixture_import(f->s, "j");
	ui_undo_init(&u);
	c = ui_change_new(UI_CHANGE_TOUCHPOINT, "j", "add 'Call'");
	c->tp[UI_AFTER].exists = true;
	c->tp[UI_AFTER].tp.key = xstrdup("call");
	c->tp[UI_AFTER].tp.name = xstrdup("Call centre");
	c->tp[UI_AFTER].tp.stage = MOT_STAGE_SMOT;
	c->tp[UI_AFTER].entry = 0.5;
	assert_int_equal(do_change(f, &u, c), STORE_OK);
	ui_fixture_load(f->s, "j", &j);
	assert_string_equal(j.touchpoints[ui_fixture_find(&j, "buy") - 1].key,
			    "call");	/* first in SMOT */
	assert_int_equal(j.n_entries, 2);
	model_journey_free(&j);

	assert_int_equal(ui_undo_undo(&u, f->s, msg, sizeof msg, &touched),
			 STORE_OK);
	assert_string_equal(msg, "Undone: add 'Call'");
	assert_ptr_equal(touched, c);
	ui_fixture_load(f->s, "j", &j);
	assert_true(model_touchpoint_find(&j, "call") < 0);
	assert_int_equal(j.n_entries, 1);
	model_journey_free(&j);

	assert_int_equal(ui_undo_redo(&u, f->s, msg, sizeof msg, NULL),
			 STORE_OK);
	assert_string_equal(msg, "Redone: add 'Call'");
	ui_fixture_load(f->s, "j", &j);
	assert_true(model_touchpoint_find(&j, "call") >= 0);
	model_journey_free(&j);
	assert_int_equal(ui_undo_redo(&u, f->s, msg, sizeof msg, NULL),
			 STORE_NOT_FOUND);
	assert_string_equal(msg, "Nothing to redo");
	ui_undo_free(&u);
}

static void test_edit_move_delete_undo(void **state)
{
	struct ui_fixture *f = *state;
	struct ui_undo u;
	struct ui_change *c;
	char *before, *now;

	ui_fixture_import(f->s, "j");
	before = text_of(f->s, "j");
	ui_undo_init(&u);
	/* Emotion, then the stage through the form (to the end of TMOT),
	 * then a move to the top of FMOT, then delete. */
	c = tp_change(f->s, "compare");
	c->tp[UI_AFTER].tp.emotion = 3;
	assert_int_equal(do_change(f, &u, c), STORE_OK);
	c = tp_change(f->s, "compare");
	c->tp[UI_AFTER].tp.stage = MOT_STAGE_TMOT;
	c->tp[UI_AFTER].position = 1;
	c->tp[UI_AFTER].tp.name = (free(c->tp[UI_AFTER].tp.name),
				   xstrdup("Compare offers"));
	assert_int_equal(do_change(f, &u, c), STORE_OK);
	c = tp_change(f->s, "compare");
	c->tp[UI_AFTER].tp.stage = MOT_STAGE_FMOT;
	c->tp[UI_AFTER].position = 0;
	assert_int_equal(do_change(f, &u, c), STORE_OK);
	c = tp_change(f->s, "compare");
	c->tp[UI_AFTER].exists = false;
	assert_int_equal(do_change(f, &u, c), STORE_OK);
	now = text_of(f->s, "j");
	assert_null(strstr(now, "key: compare"));
	free(now);

	undo_all(f, &u);
	now = text_of(f->s, "j");
	/* Field for field, place for place, transitions in and out. */
	assert_string_equal(now, before);
	free(now);
	free(before);
	ui_undo_free(&u);
}

static void test_transition_undo(void **state)
{
	struct ui_fixture *f = *state;
	struct ui_undo u;
	struct ui_change *c;
	char *before, *now;

	ui_fixture_import(f->s, "j");
	before = text_of(f->s, "j");
	ui_undo_init(&u);
	c = ui_change_new(UI_CHANGE_TRANSITION, "j", "add review -> ad");
	c->tr_from = xstrdup("review");
	c->tr_to = xstrdup("ad");
	c->tr[UI_AFTER] = (struct ui_tr_state){ true, 0.5, xstrdup("shares") };
	assert_int_equal(do_change(f, &u, c), STORE_OK);
	c = ui_change_new(UI_CHANGE_TRANSITION, "j", "change search -> compare");
	c->tr_from = xstrdup("search");
	c->tr_to = xstrdup("compare");
	c->tr[UI_BEFORE] = (struct ui_tr_state){ true, 2, NULL };
	c->tr[UI_AFTER] = (struct ui_tr_state){ true, 7, xstrdup("tests") };
	assert_int_equal(do_change(f, &u, c), STORE_OK);
	c = ui_change_new(UI_CHANGE_TRANSITION, "j", "delete ad -> search");
	c->tr_from = xstrdup("ad");
	c->tr_to = xstrdup("search");
	c->tr[UI_BEFORE] = (struct ui_tr_state){ true, 3,
						 xstrdup("looks it up") };
	assert_int_equal(do_change(f, &u, c), STORE_OK);
	now = text_of(f->s, "j");
	assert_non_null(strstr(now, "label: tests"));
	assert_null(strstr(now, "looks it up"));
	free(now);
	undo_all(f, &u);
	now = text_of(f->s, "j");
	assert_string_equal(now, before);
	free(now);
	free(before);
	ui_undo_free(&u);
}

static void test_persona_and_meta_undo(void **state)
{
	struct ui_fixture *f = *state;
	struct ui_undo u;
	struct ui_change *c;
	struct mot_journey j;
	char *before, *now;

	ui_fixture_import(f->s, "j");
	before = text_of(f->s, "j");
	ui_fixture_load(f->s, "j", &j);
	ui_undo_init(&u);
	c = ui_change_new(UI_CHANGE_PERSONA, "j", "add persona");
	c->pe[UI_AFTER].exists = true;
	c->pe[UI_AFTER].p.key = xstrdup("p2");
	c->pe[UI_AFTER].p.name = xstrdup("Zweite Persona");
	c->pe[UI_AFTER].p.share = 0.25;
	assert_int_equal(do_change(f, &u, c), STORE_OK);
	c = ui_change_new(UI_CHANGE_PERSONA, "j", "edit persona");
	c->pe[UI_BEFORE].exists = c->pe[UI_AFTER].exists = true;
	model_persona_copy(&c->pe[UI_BEFORE].p, &j.personas[0]);
	model_persona_copy(&c->pe[UI_AFTER].p, &j.personas[0]);
	c->pe[UI_AFTER].p.patience = 7;
	assert_int_equal(do_change(f, &u, c), STORE_OK);
	c = ui_change_new(UI_CHANGE_META, "j", "title");
	c->meta[UI_BEFORE].title = xstrdup("Test journey");
	c->meta[UI_AFTER].title = xstrdup("Reise über 比較");
	c->meta[UI_AFTER].description = xstrdup("Neu");
	assert_int_equal(do_change(f, &u, c), STORE_OK);
	now = text_of(f->s, "j");
	assert_non_null(strstr(now, "Reise über 比較"));
	assert_non_null(strstr(now, "patience: 7"));
	free(now);
	undo_all(f, &u);
	now = text_of(f->s, "j");
	assert_string_equal(now, before);
	free(now);
	free(before);
	model_journey_free(&j);
	ui_undo_free(&u);
}

static void test_journey_undo(void **state)
{
	struct ui_fixture *f = *state;
	struct store_journey_info *list;
	struct ui_undo u;
	struct ui_change *c;
	size_t n;
	char *before, *now;

	ui_fixture_import(f->s, "j");
	before = text_of(f->s, "j");
	ui_undo_init(&u);
	c = ui_change_new(UI_CHANGE_JOURNEY, NULL, "rename");
	c->jr[UI_BEFORE].key = xstrdup("j");
	c->jr[UI_AFTER].key = xstrdup("j2");
	assert_int_equal(do_change(f, &u, c), STORE_OK);
	assert_string_equal(ui_change_journey_key(c, UI_AFTER, "j"), "j2");
	assert_string_equal(ui_change_journey_key(c, UI_BEFORE, "j2"), "j");
	assert_string_equal(ui_change_journey_key(c, UI_AFTER, "other"),
			    "other");
	c = ui_change_new(UI_CHANGE_JOURNEY, NULL, "copy");
	c->jr[UI_AFTER].key = xstrdup("j3");
	c->jr[UI_AFTER].snap = xcalloc(1, sizeof (struct mot_journey));
	ui_fixture_load(f->s, "j2", c->jr[UI_AFTER].snap);
	free(c->jr[UI_AFTER].snap->key);
	c->jr[UI_AFTER].snap->key = xstrdup("j3");
	assert_int_equal(do_change(f, &u, c), STORE_OK);
	c = ui_change_new(UI_CHANGE_JOURNEY, NULL, "delete");
	c->jr[UI_BEFORE].key = xstrdup("j2");
	c->jr[UI_BEFORE].snap = xcalloc(1, sizeof (struct mot_journey));
	ui_fixture_load(f->s, "j2", c->jr[UI_BEFORE].snap);
	assert_int_equal(do_change(f, &u, c), STORE_OK);
	assert_null(ui_change_journey_key(c, UI_AFTER, "j2"));
	assert_int_equal(store_journey_list(f->s, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].key, "j3");
	store_journey_list_free(list, n);

	undo_all(f, &u);
	assert_int_equal(store_journey_list(f->s, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].key, "j");
	store_journey_list_free(list, n);
	now = text_of(f->s, "j");
	assert_string_equal(now, before);
	free(now);
	free(before);
	ui_undo_free(&u);
}

/* Importing over an open journey's key (and undoing it) replaces the
 * journey in place: its saved scenarios stay. */
static void test_import_over_keeps_scenarios(void **state)
{
	struct ui_fixture *f = *state;
	struct store_scenario sc, *list;
	struct ui_undo u;
	struct ui_change *c;
	struct mot_journey *snap;
	size_t n;
	char *before, *now;

	ui_fixture_import(f->s, "j");
	before = text_of(f->s, "j");
	memset(&sc, 0, sizeof sc);
	sc.name = "what-if";
	sc.changes = "";
	sc.report = "{}";
	sc.base_conv = sc.base_lo = sc.base_hi = NAN;
	sc.diff = sc.diff_lo = sc.diff_hi = NAN;
	sc.base_nps = NAN;
	assert_int_equal(store_scenario_save(f->s, "j", &sc, false), STORE_OK);

	ui_undo_init(&u);
	c = ui_change_new(UI_CHANGE_JOURNEY, NULL, "import over j");
	c->jr[UI_BEFORE].key = xstrdup("j");
	c->jr[UI_BEFORE].snap = xcalloc(1, sizeof (struct mot_journey));
	ui_fixture_load(f->s, "j", c->jr[UI_BEFORE].snap);
	c->jr[UI_AFTER].key = xstrdup("j");
	snap = c->jr[UI_AFTER].snap = xcalloc(1, sizeof (struct mot_journey));
	ui_fixture_load(f->s, "j", snap);
	free(snap->title);
	snap->title = xstrdup("Imported again");
	assert_int_equal(do_change(f, &u, c), STORE_OK);
	now = text_of(f->s, "j");
	assert_non_null(strstr(now, "Imported again"));
	free(now);
	assert_int_equal(store_scenario_list(f->s, "j", &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].name, "what-if");
	store_scenario_free(list, n);

	undo_all(f, &u);
	now = text_of(f->s, "j");
	assert_string_equal(now, before);
	free(now);
	assert_int_equal(store_scenario_list(f->s, "j", &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	store_scenario_free(list, n);
	free(before);
	ui_undo_free(&u);
}

/* Deleting a journey deletes its scenarios; undo brings both back. */
static void test_delete_undo_restores_scenarios(void **state)
{
	struct ui_fixture *f = *state;
	struct store_scenario sc, *list;
	struct ui_undo u;
	struct ui_change *c;
	size_t n;

	ui_fixture_import(f->s, "j");
	memset(&sc, 0, sizeof sc);
	sc.name = "cheaper delivery";
	sc.changes = "Delivery: emotion -1 -> +1";
	sc.report = "{\"customers\":1000}";
	sc.customers = 1000;
	sc.seed = 7;
	sc.conv = 0.25;
	sc.base_conv = sc.base_lo = sc.base_hi = NAN;
	sc.diff = sc.diff_lo = sc.diff_hi = NAN;
	sc.base_nps = NAN;
	assert_int_equal(store_scenario_save(f->s, "j", &sc, false), STORE_OK);

	ui_undo_init(&u);
	c = ui_change_new(UI_CHANGE_JOURNEY, NULL, "delete");
	c->jr[UI_BEFORE].key = xstrdup("j");
	c->jr[UI_BEFORE].snap = xcalloc(1, sizeof (struct mot_journey));
	ui_fixture_load(f->s, "j", c->jr[UI_BEFORE].snap);
	assert_int_equal(do_change(f, &u, c), STORE_OK);
	assert_int_not_equal(store_scenario_list(f->s, "j", &list, &n),
			     STORE_OK);

	undo_all(f, &u);
	assert_int_equal(store_scenario_list(f->s, "j", &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].name, "cheaper delivery");
	assert_string_equal(list[0].changes, "Delivery: emotion -1 -> +1");
	assert_string_equal(list[0].report, "{\"customers\":1000}");
	assert_int_equal(list[0].seed, 7);
	assert_true(list[0].conv == 0.25);
	assert_true(isnan(list[0].base_conv));
	store_scenario_free(list, n);
	ui_undo_free(&u);
}

/* Another mot changes the touchpoint after our edit: undo must refuse,
 * keep their change, and drop the record (it can never apply). */
static void test_undo_refuses_over_others(void **state)
{
	struct ui_fixture *f = *state;
	struct store *other;
	struct mot_touchpoint t;
	struct mot_journey j;
	struct ui_undo u;
	struct ui_change *c;
	char err[256], msg[512];
	size_t i;

	ui_fixture_import(f->s, "j");
	ui_undo_init(&u);
	c = tp_change(f->s, "buy");
	c->tp[UI_AFTER].tp.emotion = -3;
	assert_int_equal(do_change(f, &u, c), STORE_OK);

	assert_int_equal(store_open(f->path, &other, NULL, err, sizeof err),
			 STORE_OK);
	ui_fixture_load(other, "j", &j);
	i = ui_fixture_find(&j, "buy");
	t = j.touchpoints[i];
	t.name = "Bought by the other mot";
	assert_int_equal(store_touchpoint_update(other, "j", "buy", &t),
			 STORE_OK);
	model_journey_free(&j);
	store_close(other);

	assert_int_equal(ui_undo_undo(&u, f->s, msg, sizeof msg, NULL),
			 STORE_CONFLICT);
	assert_non_null(strstr(msg, "changed by another mot"));
	assert_non_null(strstr(msg, "dropped"));
	assert_int_equal(u.n_done, 0);
	assert_int_equal(u.n_undone, 0);
	ui_fixture_load(f->s, "j", &j);
	i = ui_fixture_find(&j, "buy");
	assert_string_equal(j.touchpoints[i].name, "Bought by the other mot");
	assert_int_equal(j.touchpoints[i].emotion, -3);
	model_journey_free(&j);
	ui_undo_free(&u);
}

/* A change built from a stale view is refused, and nothing is written. */
static void test_stale_change_refused(void **state)
{
	struct ui_fixture *f = *state;
	struct ui_change *stale, *now;
	struct ui_undo u;
	char *before, *after;

	ui_fixture_import(f->s, "j");
	ui_undo_init(&u);
	stale = tp_change(f->s, "search");
	now = tp_change(f->s, "search");
	now->tp[UI_AFTER].tp.drop = 0.5;
	assert_int_equal(do_change(f, &u, now), STORE_OK);
	before = text_of(f->s, "j");
	stale->tp[UI_AFTER].tp.emotion = 2;
	assert_int_equal(do_change(f, &u, stale), STORE_CONFLICT);
	after = text_of(f->s, "j");
	assert_string_equal(after, before);
	assert_int_equal(u.n_done, 1);
	free(before);
	free(after);
	ui_undo_free(&u);
}

static void test_new_change_forgets_redo(void **state)
{
	struct ui_fixture *f = *state;
	struct ui_change *c;
	struct ui_undo u;
	char msg[512];

	ui_fixture_import(f->s, "j");
	ui_undo_init(&u);
	c = tp_change(f->s, "ad");
	c->tp[UI_AFTER].tp.drop = 0.3;
	assert_int_equal(do_change(f, &u, c), STORE_OK);
	assert_int_equal(ui_undo_undo(&u, f->s, msg, sizeof msg, NULL),
			 STORE_OK);
	assert_int_equal(u.n_undone, 1);
	c = tp_change(f->s, "ad");
	c->tp[UI_AFTER].tp.drop = 0.4;
	assert_int_equal(do_change(f, &u, c), STORE_OK);
	assert_int_equal(u.n_undone, 0);
	assert_int_equal(ui_undo_redo(&u, f->s, msg, sizeof msg, NULL),
			 STORE_NOT_FOUND);
	ui_undo_free(&u);
	ui_undo_init(&u);
	assert_int_equal(ui_undo_undo(&u, f->s, msg, sizeof msg, NULL),
			 STORE_NOT_FOUND);
	assert_string_equal(msg, "Nothing to undo");
	ui_undo_free(&u);
}

/* Lanes as the form leaves them: every lane, hostile text. */
static void set_lanes(struct mot_touchpoint *tp, const char *pain)
{
	struct mot_kpi k;

	free(tp->thinking);
	tp->thinking = xstrdup("\"Is this covered?\"\n<&> :#;| 検索 🚗");
	model_list_add(&tp->pains, pain);
	model_list_add(&tp->opportunities, "Call back in 10 minutes");
	free(tp->backstage);
	tp->backstage = xstrdup("Claims desk; tow partner");
	model_list_add(&tp->evidence, "Interview 7");
	model_kpi_init(&k);
	k.name = xstrdup("CSAT");
	k.value = 3.9;
	k.has_target = true;
	k.target = 4.5;
	model_kpi_add(tp, &k);
	model_kpi_free(&k);
}

/* A change to the lanes alone is written, undone and redone. */
static void test_lanes_undo_redo(void **state)
{
	struct ui_fixture *f = *state;
	struct ui_undo u;
	struct ui_change *c;
	struct mot_journey j;
	char *before, *after, *now, msg[512];

	ui_fixture_import(f->s, "j");
	before = text_of(f->s, "j");
	ui_undo_init(&u);
	c = tp_change(f->s, "buy");
	set_lanes(&c->tp[UI_AFTER].tp, "Has to read the number in the dark");
	assert_int_equal(do_change(f, &u, c), STORE_OK);
	after = text_of(f->s, "j");
	assert_non_null(strstr(after, "Has to read the number in the dark"));
	ui_fixture_load(f->s, "j", &j);
	assert_true(model_lanes_equal(&c->tp[UI_AFTER].tp,
				      &j.touchpoints[ui_fixture_find(&j, "buy")]));
	model_journey_free(&j);
	assert_int_equal(ui_undo_undo(&u, f->s, msg, sizeof msg, NULL),
			 STORE_OK);
	now = text_of(f->s, "j");
	assert_string_equal(now, before);
	free(now);
	assert_int_equal(ui_undo_redo(&u, f->s, msg, sizeof msg, NULL),
			 STORE_OK);
	now = text_of(f->s, "j");
	assert_string_equal(now, after);
	free(now);
	free(after);
	free(before);
	ui_undo_free(&u);
}

/* Undo never writes over lanes another mot changed since. */
static void test_lanes_undo_refuses_over_others(void **state)
{
	struct ui_fixture *f = *state;
	struct store *other;
	struct mot_journey j;
	struct ui_undo u;
	struct ui_change *c;
	char err[256], msg[512];
	size_t i;

	ui_fixture_import(f->s, "j");
	ui_undo_init(&u);
	c = tp_change(f->s, "buy");
	set_lanes(&c->tp[UI_AFTER].tp, "mine");
	assert_int_equal(do_change(f, &u, c), STORE_OK);
	assert_int_equal(store_open(f->path, &other, NULL, err, sizeof err),
			 STORE_OK);
	ui_fixture_load(other, "j", &j);
	i = ui_fixture_find(&j, "buy");
	model_list_add(&j.touchpoints[i].pains, "theirs");
	assert_int_equal(store_touchpoint_update(other, "j", "buy",
						 &j.touchpoints[i]), STORE_OK);
	model_journey_free(&j);
	store_close(other);
	assert_int_equal(ui_undo_undo(&u, f->s, msg, sizeof msg, NULL),
			 STORE_CONFLICT);
	assert_non_null(strstr(msg, "changed by another mot"));
	ui_fixture_load(f->s, "j", &j);
	i = ui_fixture_find(&j, "buy");
	assert_int_equal(j.touchpoints[i].pains.n, 2);
	assert_string_equal(j.touchpoints[i].pains.items[1], "theirs");
	model_journey_free(&j);
	ui_undo_free(&u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_state_from,
						ui_fixture_setup, ui_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_add_undo_redo,
						ui_fixture_setup, ui_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_edit_move_delete_undo,
						ui_fixture_setup, ui_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_transition_undo,
						ui_fixture_setup, ui_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_persona_and_meta_undo,
						ui_fixture_setup, ui_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_import_over_keeps_scenarios,
						ui_fixture_setup, ui_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_delete_undo_restores_scenarios,
						ui_fixture_setup, ui_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_journey_undo,
						ui_fixture_setup, ui_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_undo_refuses_over_others,
						ui_fixture_setup, ui_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_stale_change_refused,
						ui_fixture_setup, ui_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_lanes_undo_redo,
						ui_fixture_setup, ui_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_lanes_undo_refuses_over_others,
						ui_fixture_setup, ui_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_new_change_forgets_redo,
						ui_fixture_setup, ui_fixture_teardown),
	};
	return cmocka_run_group_tests_name("ui_undo", tests, NULL, NULL);
}
