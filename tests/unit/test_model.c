/*
 * test_model.c - the journey model: names, keys, numbers, copies and the
 * field and graph checks with the paths they name.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <locale.h>
#include <math.h>

#include "../../src/model/model_int.h"
#include "model.h"
#include "util.h"

static void add_tp(struct mot_journey *j, const char *key, enum mot_stage s,
		   enum mot_phase p)
{
	struct mot_touchpoint *tp;

	j->touchpoints = xrealloc(j->touchpoints,
				  (j->n_touchpoints + 1) * sizeof *tp);
	tp = &j->touchpoints[j->n_touchpoints++];
	model_touchpoint_init(tp);
	tp->key = xstrdup(key);
	tp->name = xasprintf("Name of %s", key);
	tp->stage = s;
	tp->phase = p;
}

static void add_next(struct mot_journey *j, const char *from, const char *to,
		     double w)
{
	struct mot_touchpoint *tp = &j->touchpoints[model_touchpoint_find(j, from)];

	tp->next = xrealloc(tp->next, (tp->n_next + 1) * sizeof *tp->next);
	memset(&tp->next[tp->n_next], 0, sizeof *tp->next);
	tp->next[tp->n_next].to = xstrdup(to);
	tp->next[tp->n_next].weight = w;
	tp->n_next++;
}

static void add_entry(struct mot_journey *j, const char *to, double w)
{
	j->entries = xrealloc(j->entries, (j->n_entries + 1) * sizeof *j->entries);
	j->entries[j->n_entries].to = xstrdup(to);
	j->entries[j->n_entries].weight = w;
	j->n_entries++;
}

/* One touchpoint per stage, a loop between search and compare. */
static void make_valid(struct mot_journey *j)
{
	model_journey_init(j);
	j->key = xstrdup("shop");
	j->title = xstrdup("Shop");
	add_tp(j, "ad", MOT_STAGE_LZMOT, MOT_PHASE_EXPOSURE);
	add_tp(j, "search", MOT_STAGE_ZMOT, MOT_PHASE_EXPLORATION);
	add_tp(j, "compare", MOT_STAGE_ZMOT, MOT_PHASE_EVALUATION);
	add_tp(j, "store", MOT_STAGE_FMOT, MOT_PHASE_NONE);
	add_tp(j, "buy", MOT_STAGE_SMOT, MOT_PHASE_NONE);
	add_tp(j, "review", MOT_STAGE_TMOT, MOT_PHASE_EXPERIENCE);
	j->touchpoints[4].conversion = true;
	add_next(j, "ad", "search", 1);
	add_next(j, "search", "compare", 2);
	add_next(j, "compare", "search", 1);
	add_next(j, "compare", "store", 1);
	add_next(j, "store", "buy", 1);
	add_next(j, "buy", "review", 1);
	add_entry(j, "ad", 1);
}

/* The diagnostic at `path`, or NULL. */
static const struct mot_diag *find_diag(const struct mot_diags *d,
					const char *path)
{
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->items[i].path, path) == 0)
			return &d->items[i];
	return NULL;
}

static void expect_error(struct mot_journey *j, const char *path,
			 const char *fragment)
{
	struct mot_diags d = { 0 };
	const struct mot_diag *g;

	model_validate_fields(j, &d);
	g = find_diag(&d, path);
	if (!g)
		for (size_t i = 0; i < d.n; i++)
			print_message("have: %s: %s\n", d.items[i].path,
				      d.items[i].message);
	assert_non_null(g);
	assert_int_equal(g->severity, MOT_ERROR);
	if (!strstr(g->message, fragment))
		print_message("%s: %s\n", g->path, g->message);
	assert_non_null(strstr(g->message, fragment));
	model_diags_free(&d);
}

static void test_stage_and_phase_names(void **state)
{
	(void)state;
	assert_string_equal(model_stage_key(MOT_STAGE_LZMOT), "lzmot");
	assert_string_equal(model_stage_label(MOT_STAGE_LZMOT), "<ZMOT");
	assert_string_equal(model_stage_label(MOT_STAGE_TMOT), "TMOT");
	assert_int_equal(model_stage_parse("fmot"), MOT_STAGE_FMOT);
	assert_int_equal(model_stage_parse("FMOT"), -1);
	assert_int_equal(model_stage_parse("omot"), -1);
	assert_int_equal(model_phase_parse("evaluation"), MOT_PHASE_EVALUATION);
	assert_int_equal(model_phase_parse(""), MOT_PHASE_NONE);
	assert_int_equal(model_phase_parse("evalution"), -1);
	assert_string_equal(model_phase_key(MOT_PHASE_NONE), "");
}

static void test_keys(void **state)
{
	char longkey[MOT_KEY_MAX + 2];

	(void)state;
	assert_true(model_key_valid("car-accident"));
	assert_true(model_key_valid("3d-print"));
	assert_false(model_key_valid(""));
	assert_false(model_key_valid("-x"));
	assert_false(model_key_valid("Car"));
	assert_false(model_key_valid("a b"));
	assert_false(model_key_valid("café"));
	memset(longkey, 'a', sizeof longkey - 1);
	longkey[sizeof longkey - 1] = '\0';
	assert_false(model_key_valid(longkey));
	longkey[MOT_KEY_MAX] = '\0';
	assert_true(model_key_valid(longkey));
}

static void test_numbers_as_typed(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(model_format_number(3, buf, sizeof buf), "3");
	assert_string_equal(model_format_number(0.15, buf, sizeof buf), "0.15");
	assert_string_equal(model_format_number(0.1 + 0.2, buf, sizeof buf),
			    "0.30000000000000004");
	assert_string_equal(model_format_number(-0.0, buf, sizeof buf), "0");
	assert_string_equal(model_format_number(1.5, buf, sizeof buf), "1.5");
	assert_string_equal(model_format_number(-2, buf, sizeof buf), "-2");
	assert_string_equal(model_format_number(1e-9, buf, sizeof buf), "1e-09");
	assert_string_equal(model_format_number(123456.25, buf, sizeof buf),
			    "123456.25");
	assert_true(strtod(model_format_number(1.0 / 3, buf, sizeof buf), NULL)
		    == 1.0 / 3);
}

static void test_valid_journey_is_clean(void **state)
{
	struct mot_journey j;
	struct mot_diags d = { 0 };

	(void)state;
	make_valid(&j);
	model_validate(&j, &d);
	for (size_t i = 0; i < d.n; i++)
		print_message("%s: %s\n", d.items[i].path, d.items[i].message);
	assert_int_equal(d.n, 0);
	model_diags_free(&d);
	model_journey_free(&j);
}

static void test_field_errors(void **state)
{
	struct mot_journey j;

	(void)state;
	make_valid(&j);
	j.touchpoints[1].emotion = 4;
	expect_error(&j, "touchpoints[1].emotion", "-3 to +3");
	j.touchpoints[1].emotion = 0;
	j.touchpoints[2].drop = 1.5;
	expect_error(&j, "touchpoints[2].drop", "out of range");
	/* the value as typed, not rounded to one that is in range */
	j.touchpoints[2].drop = 1.0000001;
	expect_error(&j, "touchpoints[2].drop", "1.0000001 is out of range");
	j.touchpoints[2].drop = 0;
	j.touchpoints[0].next[0].weight = 0;
	expect_error(&j, "touchpoints[0].next[0].weight", "greater than 0");
	j.touchpoints[0].next[0].weight = 1;
	free(j.touchpoints[0].next[0].to);
	j.touchpoints[0].next[0].to = xstrdup("nowhere");
	expect_error(&j, "touchpoints[0].next[0].to", "no touchpoint 'nowhere'");
	free(j.touchpoints[3].name);
	j.touchpoints[3].name = xstrdup("  ");
	expect_error(&j, "touchpoints[3].name", "empty");
	free(j.touchpoints[5].key);
	j.touchpoints[5].key = xstrdup("ad");
	expect_error(&j, "touchpoints[5].key", "duplicate touchpoint key 'ad'");
	j.touchpoints[4].stage = (enum mot_stage)7;
	expect_error(&j, "touchpoints[4].stage", "lzmot");
	free(j.entries[0].to);
	j.entries[0].to = xstrdup("ghost");
	expect_error(&j, "entries[0].to", "no touchpoint 'ghost'");
	free(j.title);
	j.title = NULL;
	expect_error(&j, "title", "empty");
	free(j.key);
	j.key = xstrdup("Not A Slug");
	expect_error(&j, "key", "lower-case");
	model_journey_free(&j);
}

static void test_persona_errors(void **state)
{
	struct mot_journey j;

	(void)state;
	make_valid(&j);
	j.personas = xcalloc(2, sizeof *j.personas);
	j.n_personas = 2;
	for (int i = 0; i < 2; i++) {
		model_persona_init(&j.personas[i]);
		j.personas[i].key = xstrdup("p");
		j.personas[i].name = xstrdup("P");
	}
	j.personas[0].share = -0.1;
	j.personas[1].patience = 0;
	j.personas[1].explore_bias = 0;
	expect_error(&j, "personas[0].share", "out of range");
	expect_error(&j, "personas[1].key", "duplicate persona");
	expect_error(&j, "personas[1].patience", "at least 1");
	expect_error(&j, "personas[1].explore_bias", "greater than 0");
	model_journey_free(&j);
}

static void test_graph_warnings(void **state)
{
	struct mot_journey j;
	struct mot_diags d = { 0 };
	const struct mot_diag *g;

	(void)state;
	make_valid(&j);
	/* an island: nobody reaches it and it reaches no conversion */
	add_tp(&j, "island", MOT_STAGE_ZMOT, MOT_PHASE_NONE);
	model_journey_sort(&j);
	model_validate(&j, &d);
	g = find_diag(&d, "touchpoints[3]");
	assert_non_null(g);
	assert_int_equal(g->severity, MOT_WARNING);
	assert_non_null(strstr(g->message, "no entry reaches 'island'"));
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 2);	/* unreached + no conversion */
	model_diags_free(&d);
	model_journey_free(&j);
}

static void test_graph_no_entry_empty_stage_shares(void **state)
{
	struct mot_journey j;
	struct mot_diags d = { 0 };

	(void)state;
	make_valid(&j);
	free(j.entries[0].to);
	free(j.entries);
	j.entries = NULL;
	j.n_entries = 0;
	/* empty the FMOT stage: store -> SMOT */
	j.touchpoints[3].stage = MOT_STAGE_SMOT;
	j.personas = xcalloc(1, sizeof *j.personas);
	j.n_personas = 1;
	model_persona_init(&j.personas[0]);
	j.personas[0].key = xstrdup("p");
	j.personas[0].name = xstrdup("P");
	j.personas[0].share = 0.6;
	model_validate(&j, &d);
	/* no entry is a warning: the journey loads, it cannot be simulated */
	assert_int_equal(d.errors, 0);
	assert_int_equal(find_diag(&d, "entries")->severity, MOT_WARNING);
	assert_non_null(strstr(find_diag(&d, "personas")->message, "sum to 0.6"));
	{
		bool found = false;
		for (size_t i = 0; i < d.n; i++)
			found |= strstr(d.items[i].message, "stage FMOT") != NULL;
		assert_true(found);
	}
	model_diags_free(&d);
	model_journey_free(&j);
}

static void test_dead_end_before_purchase(void **state)
{
	struct mot_journey j;
	struct mot_diags d = { 0 };
	const struct mot_diag *g;

	(void)state;
	make_valid(&j);
	add_tp(&j, "faq", MOT_STAGE_ZMOT, MOT_PHASE_EXPLORATION);
	add_next(&j, "search", "faq", 1);
	model_journey_sort(&j);
	model_validate(&j, &d);
	g = find_diag(&d, "touchpoints[3]");
	assert_non_null(g);
	assert_non_null(strstr(g->message, "no conversion can be reached from 'faq'"));
	/* "review" comes after the purchase: a dead end there is fine */
	assert_int_equal(d.warnings, 1);
	model_diags_free(&d);
	model_journey_free(&j);
}

static void test_copy_and_sort(void **state)
{
	struct mot_journey j, c;

	(void)state;
	make_valid(&j);
	add_tp(&j, "late-ad", MOT_STAGE_LZMOT, MOT_PHASE_EXPOSURE);
	model_journey_sort(&j);
	assert_string_equal(j.touchpoints[0].key, "ad");
	assert_string_equal(j.touchpoints[1].key, "late-ad");
	assert_string_equal(j.touchpoints[2].key, "search");
	model_journey_copy(&c, &j);
	model_journey_free(&j);
	assert_string_equal(c.touchpoints[2].next[0].to, "compare");
	assert_int_equal(model_touchpoint_find(&c, "buy"), 5);
	assert_int_equal(model_stage_count(&c, MOT_STAGE_ZMOT), 2);
	model_journey_free(&c);
}

/* Hostile text every lane must hold: quotes, markup, separators, CJK,
 * emoji, a backslash. */
#define HOSTILE "\"Quote\" 'it' <b>&amp;</b> a:b #c; d|e \\ 検索 🚗"

static void fill_lanes(struct mot_touchpoint *tp)
{
	struct mot_kpi k;

	tp->thinking = xstrdup("Am I covered?\n" HOSTILE "\n\tindented");
	tp->backstage = xstrdup("Claims desk opens the file; " HOSTILE);
	model_list_add(&tp->pains, "Reads the number from a card in the dark");
	model_list_add(&tp->pains, HOSTILE);
	model_list_add(&tp->opportunities, "Find the policy by licence plate");
	model_list_add(&tp->evidence, "Interview 7: \"I was shaking\"");
	model_kpi_init(&k);
	k.name = xstrdup("CSAT");
	k.value = 3.9;
	k.has_target = true;
	k.target = 4.5;
	k.unit = xstrdup("of 5");
	model_kpi_add(tp, &k);
	model_kpi_free(&k);
	k.name = xstrdup(HOSTILE);
	k.value = -12.25;
	k.unit = xstrdup("min | wait \\ time");
	k.lower_better = true;
	model_kpi_add(tp, &k);
	model_kpi_free(&k);
}

static void test_lane_names(void **state)
{
	(void)state;
	assert_string_equal(model_lane_key(MOT_LANE_PAINS), "pains");
	assert_string_equal(model_lane_key(MOT_LANE_KPIS), "kpis");
	assert_string_equal(model_lane_title(MOT_LANE_THINKING),
			    "Thinking and feeling");
	for (int l = 0; l < MOT_LANE_COUNT; l++)
		assert_int_equal(model_lane_parse(model_lane_key(l)), l);
	assert_int_equal(model_lane_parse("notes"), -1);
	assert_int_equal(model_lane_parse(NULL), -1);
}

static void test_lanes_copy_and_equal(void **state)
{
	struct mot_journey j, c;
	struct mot_touchpoint *a, *b;
	struct mot_diags d = { 0 };

	(void)state;
	make_valid(&j);
	a = &j.touchpoints[3];
	for (int l = 0; l < MOT_LANE_COUNT; l++)
		assert_false(model_lane_filled(a, l));
	fill_lanes(a);
	for (int l = 0; l < MOT_LANE_COUNT; l++)
		assert_true(model_lane_filled(a, l));
	model_validate(&j, &d);
	for (size_t i = 0; i < d.n; i++)
		print_message("%s: %s\n", d.items[i].path, d.items[i].message);
	assert_int_equal(d.n, 0);
	model_journey_copy(&c, &j);
	b = &c.touchpoints[3];
	assert_true(model_lanes_equal(a, b));
	assert_ptr_not_equal(a->pains.items[1], b->pains.items[1]);
	assert_string_equal(b->pains.items[1], HOSTILE);
	assert_string_equal(b->kpis[1].unit, "min | wait \\ time");
	assert_true(b->kpis[1].lower_better);
	free(b->evidence.items[0]);
	b->evidence.items[0] = xstrdup("Interview 8");
	assert_false(model_lanes_equal(a, b));
	model_list_free(&b->evidence);
	model_list_copy(&b->evidence, &a->evidence);
	assert_true(model_lanes_equal(a, b));
	b->kpis[0].target = 4.4;
	assert_false(model_lanes_equal(a, b));
	b->kpis[0].target = 4.5;
	free(b->thinking);
	b->thinking = xstrdup("");
	free(a->thinking);
	a->thinking = NULL;
	assert_true(model_lanes_equal(a, b));	/* "" and NULL: both absent */
	model_journey_free(&j);
	model_journey_free(&c);
	model_diags_free(&d);
}

static void test_kpi_missed(void **state)
{
	struct mot_kpi k;

	(void)state;
	model_kpi_init(&k);
	k.value = 3.9;
	assert_false(model_kpi_missed(&k));	/* no target: nothing to miss */
	k.has_target = true;
	k.target = 4.5;
	assert_true(model_kpi_missed(&k));
	k.target = 3.9;
	assert_false(model_kpi_missed(&k));	/* on target */
	k.lower_better = true;
	k.target = 3;
	assert_true(model_kpi_missed(&k));	/* 3.9 minutes, ceiling 3 */
	k.target = 5;
	assert_false(model_kpi_missed(&k));
}

static void lane_error(struct mot_journey *j, const char *path,
		       const char *fragment)
{
	expect_error(j, path, fragment);
	model_lanes_free(&j->touchpoints[2]);
}

static void test_lane_errors(void **state)
{
	struct mot_journey j;
	struct mot_touchpoint *tp;
	struct mot_kpi k;
	char *big = xcalloc(MOT_TEXT_MAX + 2, 1);

	(void)state;
	make_valid(&j);
	tp = &j.touchpoints[2];
	model_list_add(&tp->pains, "two\nlines");
	lane_error(&j, "touchpoints[2].pains[0]", "line break");
	model_list_add(&tp->opportunities, "ok");
	model_list_add(&tp->opportunities, "bell \a");
	lane_error(&j, "touchpoints[2].opportunities[1]", "U+0007");
	model_list_add(&tp->evidence, " ");
	lane_error(&j, "touchpoints[2].evidence[0]", "empty");
	model_list_add(&tp->evidence, "tab\there");
	lane_error(&j, "touchpoints[2].evidence[0]", "U+0009");
	model_list_add(&tp->pains, "\xc2\x85 NEL");
	lane_error(&j, "touchpoints[2].pains[0]", "line break");
	model_list_add(&tp->pains, "bad \xff utf-8");
	lane_error(&j, "touchpoints[2].pains[0]", "UTF-8");
	memset(big, 'x', MOT_ITEM_MAX + 1);
	model_list_add(&tp->pains, big);
	lane_error(&j, "touchpoints[2].pains[0]", "longer than 1024 bytes");
	for (int i = 0; i <= MOT_LIST_MAX; i++)
		model_list_add(&tp->evidence, "again");
	lane_error(&j, "touchpoints[2].evidence", "at most 32");
	memset(big, 'y', MOT_TEXT_MAX + 1);
	tp->thinking = xstrdup(big);
	lane_error(&j, "touchpoints[2].thinking", "longer than 4096 bytes");
	tp->backstage = xstrdup("line\r\nbreak");
	lane_error(&j, "touchpoints[2].backstage", "line break");
	tp->thinking = xstrdup("esc \x1b[31m red");
	lane_error(&j, "touchpoints[2].thinking", "U+001B");
	model_kpi_init(&k);
	k.name = xstrdup("CSAT");
	k.value = NAN;
	model_kpi_add(tp, &k);
	lane_error(&j, "touchpoints[2].kpis[0].value", "out of range");
	k.value = 1;
	k.has_target = true;
	k.target = 2e12;
	model_kpi_add(tp, &k);
	lane_error(&j, "touchpoints[2].kpis[0].target", "out of range");
	/* %g would print 1e+12, a value in range */
	k.target = 1000000000001;
	model_kpi_add(tp, &k);
	lane_error(&j, "touchpoints[2].kpis[0].target",
		   "1000000000001 is out of range");
	k.target = 1;
	model_kpi_add(tp, &k);
	model_kpi_add(tp, &k);
	lane_error(&j, "touchpoints[2].kpis[1].name", "duplicate KPI 'CSAT'");
	free(k.name);
	k.name = NULL;
	model_kpi_add(tp, &k);
	lane_error(&j, "touchpoints[2].kpis[0].name", "empty");
	k.name = xstrdup("NPS");
	k.unit = xstrdup("two\nlines");
	model_kpi_add(tp, &k);
	lane_error(&j, "touchpoints[2].kpis[0].unit", "line break");
	free(k.unit);
	k.unit = NULL;
	for (int i = 0; i <= MOT_KPIS_MAX; i++) {
		free(k.name);
		k.name = xasprintf("k%d", i);
		model_kpi_add(tp, &k);
	}
	lane_error(&j, "touchpoints[2].kpis", "at most 16");
	model_kpi_free(&k);
	free(big);
	model_journey_free(&j);
}

static void kpi_round_trip(const struct mot_kpi *k, const char *line)
{
	struct mot_kpi back;
	char err[200], *s = model_kpi_format(k);

	if (line)
		assert_string_equal(s, line);
	assert_int_equal(model_kpi_parse(s, &back, err, sizeof err), 0);
	assert_string_equal(back.name, k->name);
	assert_true(back.value == k->value);
	assert_int_equal(back.has_target, k->has_target);
	if (k->has_target)
		assert_true(back.target == k->target);
	if (k->unit)
		assert_string_equal(back.unit, k->unit);
	else
		assert_null(back.unit);
	assert_int_equal(back.lower_better, k->lower_better);
	model_kpi_free(&back);
	free(s);
}

static void test_kpi_line(void **state)
{
	struct mot_touchpoint tp;
	struct mot_kpi k;
	char err[200];

	(void)state;
	model_touchpoint_init(&tp);
	fill_lanes(&tp);
	kpi_round_trip(&tp.kpis[0], "CSAT | 3.9 | 4.5 | of 5");
	kpi_round_trip(&tp.kpis[1], NULL);
	/* a comma locale changes nothing */
	if (setlocale(LC_ALL, "de_DE.UTF-8")) {
		kpi_round_trip(&tp.kpis[0], "CSAT | 3.9 | 4.5 | of 5");
		setlocale(LC_ALL, "C");
	}
	tp.kpis[0].has_target = false;
	kpi_round_trip(&tp.kpis[0], "CSAT | 3.9 | | of 5");
	free(tp.kpis[0].unit);
	tp.kpis[0].unit = NULL;
	kpi_round_trip(&tp.kpis[0], "CSAT | 3.9");
	tp.kpis[0].lower_better = true;
	kpi_round_trip(&tp.kpis[0], "CSAT | 3.9 | | | lower");
	model_touchpoint_free(&tp);

	assert_int_equal(model_kpi_parse("  Calls  |  1,5  |", &k, err,
					 sizeof err), 0);
	assert_string_equal(k.name, "Calls");
	assert_true(k.value == 1.5);
	assert_false(k.has_target);
	assert_null(k.unit);
	model_kpi_free(&k);
	assert_int_equal(model_kpi_parse("a\\|b \\\\ c\\d | 1 | 2 | u | higher",
					 &k, err, sizeof err), 0);
	assert_string_equal(k.name, "a|b \\ c\\d");
	assert_false(k.lower_better);
	model_kpi_free(&k);
	assert_int_equal(model_kpi_parse("CSAT", &k, err, sizeof err), -1);
	assert_non_null(strstr(err, "must be a number"));
	assert_int_equal(model_kpi_parse("| 3", &k, err, sizeof err), -1);
	assert_non_null(strstr(err, "needs a name"));
	assert_int_equal(model_kpi_parse("C | 3 | x", &k, err, sizeof err), -1);
	assert_non_null(strstr(err, "target"));
	assert_int_equal(model_kpi_parse("C | 3 | 4 | u | up", &k, err,
					 sizeof err), -1);
	assert_non_null(strstr(err, "'lower' or 'higher'"));
	assert_int_equal(model_kpi_parse("C | 3 | 4 | u | lower | x", &k, err,
					 sizeof err), -1);
	assert_non_null(strstr(err, "at most 5 parts"));
	assert_int_equal(model_kpi_parse("C | 1e999", &k, err, sizeof err), -1);
	assert_int_equal(model_kpi_parse("C | nan", &k, err, sizeof err), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stage_and_phase_names),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_numbers_as_typed),
		cmocka_unit_test(test_valid_journey_is_clean),
		cmocka_unit_test(test_field_errors),
		cmocka_unit_test(test_persona_errors),
		cmocka_unit_test(test_graph_warnings),
		cmocka_unit_test(test_graph_no_entry_empty_stage_shares),
		cmocka_unit_test(test_dead_end_before_purchase),
		cmocka_unit_test(test_copy_and_sort),
		cmocka_unit_test(test_lane_names),
		cmocka_unit_test(test_lanes_copy_and_equal),
		cmocka_unit_test(test_kpi_missed),
		cmocka_unit_test(test_lane_errors),
		cmocka_unit_test(test_kpi_line),
	};
	return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
