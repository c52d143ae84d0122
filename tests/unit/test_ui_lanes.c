/*
 * test_ui_lanes.c - the lanes as the designer's screens handle them
 * (src/ui/ui_lanes_text.c): a lane to the text of its form field and back
 * with hostile text, refused lines naming their line, what a column of
 * the lanes view holds, and the search through names, notes and lanes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model.h"
#include "ui.h"
#include "util.h"
#include "yamlio.h"

#define HOSTILE "\"Quote\" 'it' <b>&amp;</b> a:b #c; d|e \\ 検索 🚗"

static void fill(struct mot_touchpoint *tp)
{
	struct mot_kpi k;

	model_touchpoint_init(tp);
	tp->key = xstrdup("call");
	tp->name = xstrdup("Emergency line");
	tp->thinking = xstrdup("Am I covered?\n" HOSTILE "\n\tindented");
	tp->backstage = xstrdup("Claims desk; " HOSTILE);
	model_list_add(&tp->pains, "Reads the number in the dark");
	model_list_add(&tp->pains, "  " HOSTILE " ");
	model_list_add(&tp->opportunities, "- Find it by licence plate");
	model_list_add(&tp->evidence, "Interview 7: \"shaking\"");
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

/* Every lane to its field's text and back: the same lanes. */
static void test_text_round_trip(void **state)
{
	struct mot_touchpoint tp, back;
	char err[256];

	(void)state;
	fill(&tp);
	model_touchpoint_init(&back);
	for (int l = 0; l < MOT_LANE_COUNT; l++) {
		char *text = ui_lanes_text(&tp, l);

		assert_non_null(text);
		if (!ui_lanes_read(&back, l, text, err, sizeof err))
			fail_msg("%s: %s", model_lane_key(l), err);
		free(text);
	}
	assert_true(model_lanes_equal(&tp, &back));
	/* the form's text of a list: an item a line, as typed */
	{
		char *pains = ui_lanes_text(&tp, MOT_LANE_PAINS);
		char *kpis = ui_lanes_text(&tp, MOT_LANE_KPIS);

		assert_string_equal(pains, "Reads the number in the dark\n  "
				    HOSTILE " ");
		assert_non_null(strstr(kpis, "CSAT | 3.9 | 4.5 | of 5\n"));
		assert_non_null(strstr(kpis, "d\\|e \\\\ 検索 🚗 | -12.25 | | "
				       "min \\| wait \\\\ time | lower"));
		free(pains);
		free(kpis);
	}
	model_touchpoint_free(&back);
	model_touchpoint_free(&tp);
}

/* Blank lines are no items; emptying a field empties the lane. */
static void test_blank_and_empty(void **state)
{
	struct mot_touchpoint tp;
	char err[256];

	(void)state;
	fill(&tp);
	assert_true(ui_lanes_read(&tp, MOT_LANE_PAINS, "\none\n   \n\ntwo\n",
				  err, sizeof err));
	assert_int_equal(tp.pains.n, 2);
	assert_string_equal(tp.pains.items[1], "two");
	assert_true(ui_lanes_read(&tp, MOT_LANE_KPIS, "", err, sizeof err));
	assert_int_equal(tp.n_kpis, 0);
	assert_true(ui_lanes_read(&tp, MOT_LANE_THINKING, NULL, err, sizeof err));
	assert_null(tp.thinking);
	assert_null(ui_lanes_text(&tp, MOT_LANE_KPIS));
	assert_null(ui_lanes_text(&tp, MOT_LANE_THINKING));
	model_touchpoint_free(&tp);
}

/* A bad line is refused with its line number; the lane stays as it was. */
static void test_refused_lines(void **state)
{
	struct mot_touchpoint tp;
	char err[256], *big, *many;
	struct strbuf b;

	(void)state;
	fill(&tp);
	assert_false(ui_lanes_read(&tp, MOT_LANE_KPIS, "CSAT | 4\nNPS | high",
				   err, sizeof err));
	assert_non_null(strstr(err, "KPIs, line 2: KPI 'NPS': the value"));
	assert_int_equal(tp.n_kpis, 2);
	assert_false(ui_lanes_read(&tp, MOT_LANE_PAINS, "ok\nbell \a", err,
				   sizeof err));
	assert_non_null(strstr(err, "Pains, line 2: control character U+0007"));
	assert_int_equal(tp.pains.n, 2);
	big = xcalloc(MOT_ITEM_MAX + 2, 1);
	memset(big, 'x', MOT_ITEM_MAX + 1);
	assert_false(ui_lanes_read(&tp, MOT_LANE_EVIDENCE, big, err,
				   sizeof err));
	assert_non_null(strstr(err, "Evidence, line 1: longer than 1024"));
	free(big);
	strbuf_init(&b);
	for (int i = 0; i <= MOT_LIST_MAX; i++)
		strbuf_printf(&b, "item %d\n", i);
	many = strbuf_detach(&b);
	assert_false(ui_lanes_read(&tp, MOT_LANE_OPPORTUNITIES, many, err,
				   sizeof err));
	assert_non_null(strstr(err, "33 lines, at most 32"));
	free(many);
	assert_false(ui_lanes_read(&tp, MOT_LANE_BACKSTAGE, "a\rb", err,
				   sizeof err));
	assert_non_null(strstr(err, "Backstage: U+000D"));
	assert_string_equal(tp.backstage, "Claims desk; " HOSTILE);
	model_touchpoint_free(&tp);
}

/* A column of the lanes view: names, items, the "!" of a missed KPI. */
static void test_column(void **state)
{
	struct mot_journey j;
	struct ui_view v;
	struct ui_lane_col c;
	struct mot_diags d = { 0 };
	const char *top = getenv("MOT_TOP");
	char *path = xasprintf("%s/tests/data/good/lanes.yaml",
			       top && *top ? top : ".");

	(void)state;
	assert_int_equal(yamlio_load_file(path, &j, &d), 0);
	free(path);
	ui_view_init(&v);
	ui_view_set(&v, &j);
	ui_lanes_column(&v, MOT_STAGE_FMOT, MOT_LANE_KPIS, 24, &c);
	assert_string_equal(c.lines[0].text, "Call the emergency line");
	assert_int_equal(c.lines[0].kind, UI_LANE_NAME);
	assert_string_equal(c.lines[1].text, "! CSAT 3.9 of 5 (target");
	assert_int_equal(c.lines[1].kind, UI_LANE_MISSED);
	assert_string_equal(c.lines[2].text, "  4.5)");
	assert_int_equal(ui_lanes_column_find(&c, 0), 0);
	for (size_t k = 0; k < c.n; k++)
		if (strstr(c.lines[k].text, "NPS"))
			assert_string_equal(c.lines[k].text, "- NPS -12");
	ui_lanes_column_free(&c);
	/* a stage whose cards have nothing in the lane: an empty column */
	ui_lanes_column(&v, MOT_STAGE_SMOT, MOT_LANE_PAINS, 24, &c);
	assert_int_equal(c.n, 0);
	ui_lanes_column_free(&c);
	/* thinking: the lines of the text, wrapped, no bullets */
	ui_lanes_column(&v, MOT_STAGE_FMOT, MOT_LANE_THINKING, 80, &c);
	assert_int_equal(c.n, 3);
	assert_string_equal(c.lines[1].text, "  Am I even covered for this?");
	ui_lanes_column_free(&c);
	ui_view_free(&v);
	model_diags_free(&d);
}

/* `/` finds text in the name, the notes and every lane. */
static void test_search(void **state)
{
	struct mot_journey j;
	struct ui_view v;
	struct mot_touchpoint *tp;
	wchar_t *w;

	(void)state;
	model_journey_init(&j);
	j.key = xstrdup("j");
	j.title = xstrdup("J");
	j.touchpoints = xcalloc(2, sizeof *j.touchpoints);
	j.n_touchpoints = 2;
	model_touchpoint_init(&j.touchpoints[0]);
	j.touchpoints[0].key = xstrdup("ad");
	j.touchpoints[0].name = xstrdup("Advert");
	tp = &j.touchpoints[1];
	fill(tp);
	tp->notes = xstrdup("Night shift: two agents");
	tp->stage = MOT_STAGE_FMOT;
	ui_view_init(&v);
	ui_view_set(&v, &j);
	tp = &v.j.touchpoints[1];
	w = ui_wcs_from_utf8("EMERGENCY", NULL);
	assert_int_equal(ui_lanes_match(tp, w), UI_MATCH_NAME);
	free(w);
	w = ui_wcs_from_utf8("night SHIFT", NULL);
	assert_int_equal(ui_lanes_match(tp, w), UI_MATCH_NOTES);
	free(w);
	{
		static const struct { const char *q; int lane; } hits[] = {
			{ "covered?", MOT_LANE_THINKING },
			{ "IN THE DARK", MOT_LANE_PAINS },
			{ "licence plate", MOT_LANE_OPPORTUNITIES },
			{ "claims desk", MOT_LANE_BACKSTAGE },
			{ "shaking", MOT_LANE_EVIDENCE },
			{ "wait \\ time", MOT_LANE_KPIS },
			{ "検索", MOT_LANE_THINKING },
		};
		for (size_t k = 0; k < sizeof hits / sizeof hits[0]; k++) {
			w = ui_wcs_from_utf8(hits[k].q, NULL);
			assert_int_equal(ui_lanes_match(tp, w), hits[k].lane);
			free(w);
		}
	}
	w = ui_wcs_from_utf8("nowhere", NULL);
	assert_int_equal(ui_lanes_match(tp, w), UI_MATCH_NONE);
	free(w);
	/* the map's search goes through the lanes, wrapping round */
	assert_int_equal(ui_view_search(&v, "licence plate", 1), 1);
	assert_int_equal(ui_view_search(&v, "licence plate", -1), 1);
	assert_int_equal(ui_view_search(&v, "advert", 1), 0);
	assert_int_equal(ui_view_search(&v, "no such text", 0), -1);
	ui_view_free(&v);
}

static void type(struct ui_field *f, const char *s)
{
	size_t n;
	wchar_t *w = ui_wcs_from_utf8(s, &n);

	for (size_t i = 0; i < n; i++)
		ui_field_insert(f, w[i]);
	free(w);
}

static void assert_field(const struct ui_field *f, const char *want)
{
	char *raw = ui_field_raw(f, 0);

	assert_string_equal(raw, want);
	free(raw);
}

/* A field of several lines: Enter, Up, Down, Home and End. */
static void test_lines_editing(void **state)
{
	struct ui_field f;

	(void)state;
	ui_field_init(&f, "Pains", UI_FIELD_LINES);
	/* an empty field: Enter is done at once */
	assert_int_equal(ui_lines_edit(&f, UI_ACT_NEWLINE), UI_LINES_NEXT_FIELD);
	type(&f, "first item");
	assert_int_equal(ui_lines_edit(&f, UI_ACT_NEWLINE), UI_LINES_CHANGED);
	type(&f, "検索 🚗");
	assert_int_equal(ui_lines_edit(&f, UI_ACT_NEWLINE), UI_LINES_CHANGED);
	assert_int_equal(ui_lines_count(&f), 3);
	assert_int_equal(ui_lines_current(&f), 2);
	/* Enter on the empty last line: done, and the line goes */
	assert_int_equal(ui_lines_edit(&f, UI_ACT_NEWLINE), UI_LINES_NEXT_FIELD);
	assert_field(&f, "first item\n検索 🚗");
	/* Up keeps the column as far as the line allows */
	f.cur = f.len - 1;	/* before the emoji */
	assert_int_equal(ui_lines_edit(&f, UI_ACT_UP), UI_LINES_MOVED);
	assert_int_equal(ui_lines_current(&f), 0);
	assert_int_equal(f.cur, 3);
	assert_int_equal(ui_lines_edit(&f, UI_ACT_UP), UI_LINES_PREV_FIELD);
	assert_int_equal(ui_lines_edit(&f, UI_ACT_LINE_END), UI_LINES_MOVED);
	assert_int_equal(f.cur, 10);
	assert_int_equal(ui_lines_edit(&f, UI_ACT_DOWN), UI_LINES_MOVED);
	assert_int_equal(f.cur, f.len);	/* the shorter line's end */
	assert_int_equal(ui_lines_edit(&f, UI_ACT_LINE_START), UI_LINES_MOVED);
	assert_int_equal(f.cur, 11);
	assert_int_equal(ui_lines_edit(&f, UI_ACT_DOWN), UI_LINES_NEXT_FIELD);
	/* Enter inside a line splits it; typed line breaks never go in */
	f.cur = 5;
	assert_int_equal(ui_lines_edit(&f, UI_ACT_NEWLINE), UI_LINES_CHANGED);
	ui_field_insert(&f, L'\n');
	assert_field(&f, "first\n item\n検索 🚗");
	assert_int_equal(ui_lines_edit(&f, UI_ACT_SAVE), UI_LINES_NOT_MINE);
	/* at most five rows in a form */
	for (int i = 0; i < 6; i++) {
		ui_lines_edit(&f, UI_ACT_NEWLINE);
		type(&f, "x");
	}
	assert_int_equal(ui_lines_rows(&f), 5);
	ui_field_free(&f);
}

/* The lanes' fields are checked by the lanes' rules as they are typed. */
static void test_lines_check(void **state)
{
	struct ui_field f;
	char tip[200];

	(void)state;
	ui_field_init(&f, "KPIs", UI_FIELD_LINES);
	f.tag = MOT_LANE_KPIS;
	f.check_text = ui_lanes_field_check;
	f.tip = ui_lanes_tip(MOT_LANE_KPIS);
	type(&f, "CSAT | 4");
	assert_true(ui_field_check(&f));
	ui_lines_edit(&f, UI_ACT_NEWLINE);
	type(&f, "NPS | high");
	assert_false(ui_field_check(&f));
	assert_string_equal(f.err, "KPIs, line 2: KPI 'NPS': the value after "
			    "the first '|' must be a number");
	ui_field_tip(&f, tip, sizeof tip);
	assert_non_null(strstr(tip, "name | value | target | unit | lower"));
	ui_field_free(&f);
	/* without a check of its own: the text rules of a file */
	ui_field_init(&f, "Thinking", UI_FIELD_LINES);
	type(&f, "a");
	ui_lines_edit(&f, UI_ACT_NEWLINE);
	type(&f, "b");
	assert_true(ui_field_check(&f));
	ui_field_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_round_trip),
		cmocka_unit_test(test_blank_and_empty),
		cmocka_unit_test(test_refused_lines),
		cmocka_unit_test(test_column),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_lines_editing),
		cmocka_unit_test(test_lines_check),
	};
	return cmocka_run_group_tests_name("ui_lanes", tests, NULL, NULL);
}
