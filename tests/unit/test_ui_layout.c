/*
 * test_ui_layout.c - the map's layout maths at the sizes that matter
 * (80x24, 40x12, too small, large), scrolling, the curve's rows, and the
 * journey view: stage ranges, most likely path, loops, lookup, search.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <locale.h>

#include <cmocka.h>

#include "test_ui_fixture.h"
#include "ui.h"

/* Everything inside the screen, in order from top to bottom. */
static void check_rows(const struct ui_map_layout *l)
{
	assert_true(l->header_y < l->cards_y);
	assert_true(l->cards_h >= 2 * l->card_h - (l->card_h - l->card_lines));
	if (l->rule_y >= 0)
		assert_int_equal(l->cards_y + l->cards_h, l->rule_y);
	assert_true(l->cards_y + l->cards_h <= l->curve_y);
	assert_int_equal(l->curve_y + l->curve_h, l->detail_y);
	assert_int_equal(l->detail_y + l->detail_h, l->status_y);
	assert_int_equal(l->status_y, l->rows - 1);
}

/* The shown columns tile the width exactly, none narrower than allowed. */
static void check_cols(const struct ui_map_layout *l)
{
	int x = 0;

	for (int s = l->first_stage; s < l->first_stage + l->n_stages; s++) {
		assert_int_equal(l->col_x[s], x);
		assert_true(l->col_w[s] >= UI_COL_MIN_WIDTH);
		x += l->col_w[s];
	}
	assert_int_equal(x, l->cols);
}

static void test_80x24(void **state)
{
	struct ui_map_layout l;

	(void)state;
	ui_layout_map(&l, 80, 24, 0, 0);
	assert_false(l.too_small);
	assert_int_equal(l.n_stages, MOT_STAGE_COUNT);
	assert_int_equal(l.col_w[0], 16);
	assert_int_equal(l.curve_h, 5);
	assert_int_equal(l.detail_h, 2);
	assert_int_equal(l.card_h, 3);
	assert_int_equal(ui_layout_cards_visible(&l), 4);
	check_rows(&l);
	check_cols(&l);
}

static void test_40x12(void **state)
{
	struct ui_map_layout l;

	(void)state;
	ui_layout_map(&l, 40, 12, 0, 0);
	assert_false(l.too_small);
	assert_int_equal(l.n_stages, 3);
	assert_int_equal(l.first_stage, 0);
	assert_int_equal(l.curve_h, 1);	/* a sparkline */
	assert_int_equal(l.rule_y, -1);
	assert_int_equal(l.detail_h, 1);
	assert_int_equal(l.card_h, 2);
	assert_int_equal(ui_layout_cards_visible(&l), 3);
	check_rows(&l);
	check_cols(&l);
	/* The window of stages follows the selection, moving as little as
	 * possible. */
	ui_layout_map(&l, 40, 12, 3, 0);
	assert_int_equal(l.first_stage, 1);
	ui_layout_map(&l, 40, 12, 4, 1);
	assert_int_equal(l.first_stage, 2);
	ui_layout_map(&l, 40, 12, 2, 2);
	assert_int_equal(l.first_stage, 2);
	ui_layout_map(&l, 40, 12, 1, 2);
	assert_int_equal(l.first_stage, 1);
	check_cols(&l);
}

static void test_too_small_and_large(void **state)
{
	struct ui_map_layout l;

	(void)state;
	ui_layout_map(&l, 39, 12, 0, 0);
	assert_true(l.too_small);
	ui_layout_map(&l, 40, 11, 0, 0);
	assert_true(l.too_small);
	/* Still sane numbers, so nothing draws out of bounds by accident. */
	check_rows(&l);
	ui_layout_map(&l, 1, 1, 4, 9);
	assert_true(l.too_small);
	assert_true(l.first_stage >= 0 && l.first_stage < MOT_STAGE_COUNT);
	ui_layout_map(&l, 250, 70, 4, 0);
	assert_false(l.too_small);
	assert_int_equal(l.n_stages, MOT_STAGE_COUNT);
	assert_int_equal(l.curve_h, 7);
	check_rows(&l);
	check_cols(&l);
	for (int cols = 40; cols <= 200; cols++)
		for (int rows = 12; rows <= 60; rows += 7) {
			ui_layout_map(&l, cols, rows, cols % 5, 0);
			check_rows(&l);
			check_cols(&l);
		}
}

static void test_scroll(void **state)
{
	(void)state;
	assert_int_equal(ui_layout_scroll(0, 0, 4, 3), 0);
	assert_int_equal(ui_layout_scroll(5, 0, 4, 10), 2);
	assert_int_equal(ui_layout_scroll(2, 3, 4, 10), 2);
	assert_int_equal(ui_layout_scroll(4, 2, 4, 10), 2);	/* in view */
	assert_int_equal(ui_layout_scroll(9, 0, 4, 10), 6);
	assert_int_equal(ui_layout_scroll(3, 8, 4, 10), 3);
	assert_int_equal(ui_layout_scroll(9, 9, 4, 10), 6);	/* no gap */
	assert_int_equal(ui_layout_scroll(999, 0, 4, 1000), 996);
}

static void test_curve(void **state)
{
	(void)state;
	for (int h = 2; h <= 7; h++) {
		assert_int_equal(ui_layout_curve_row(3, h), 0);
		assert_int_equal(ui_layout_curve_row(-3, h), h - 1);
		for (int e = -3; e < 3; e++)
			assert_true(ui_layout_curve_row(e, h) >=
				    ui_layout_curve_row(e + 1, h));
	}
	for (int e = -3; e <= 3; e++)
		assert_int_equal(ui_layout_curve_row(e, 7), 3 - e);
	assert_int_equal(ui_layout_curve_row(9, 5), 0);
	assert_int_equal(ui_layout_spark(-3), '_');
	assert_int_equal(ui_layout_spark(0), '-');
	assert_int_equal(ui_layout_spark(3), '^');
	assert_string_equal(ui_layout_emotion(2), "+2");
	assert_string_equal(ui_layout_emotion(0), "0");
	assert_string_equal(ui_layout_emotion(-3), "-3");
	assert_string_equal(ui_layout_emotion(4), "?");
}

static void test_view(void **state)
{
	struct ui_fixture *f = *state;
	struct ui_view v;

	ui_fixture_import(f->s, "j");
	ui_view_init(&v);
	assert_int_equal(ui_view_load(&v, f->s, "j"), STORE_OK);
	assert_int_equal(v.stage_count[MOT_STAGE_LZMOT], 1);
	assert_int_equal(v.stage_count[MOT_STAGE_ZMOT], 2);
	assert_int_equal(v.stage_count[MOT_STAGE_FMOT], 0);
	assert_int_equal(v.stage_start[MOT_STAGE_SMOT], 3);
	assert_int_equal(v.stage_start[MOT_STAGE_FMOT], 3);
	assert_int_equal(ui_view_at(&v, MOT_STAGE_ZMOT, 1), 2);
	assert_int_equal(ui_view_at(&v, MOT_STAGE_ZMOT, 2), -1);
	assert_int_equal(ui_view_at(&v, MOT_STAGE_FMOT, 0), -1);
	assert_int_equal(ui_view_find(&v, "review"), 4);
	assert_int_equal(ui_view_find(&v, "nope"), -1);
	assert_true(ui_view_entry(&v, 0) == 2);
	assert_true(ui_view_entry(&v, 1) == 0);
	/* ad -> search -> compare -> buy -> review, the heaviest way. */
	assert_int_equal(v.n_path, 5);
	assert_int_equal(v.path[2], 2);
	assert_int_equal(v.path_pos[4], 4);
	/* search <-> compare is the loop of the messy middle. */
	assert_int_equal(ui_view_loop(&v, 2, 1), UI_LOOP_MESSY);
	assert_int_equal(ui_view_loop(&v, 1, 2), UI_LOOP_MESSY);
	assert_int_equal(ui_view_loop(&v, 0, 1), UI_LOOP_NONE);
	assert_int_equal(ui_view_loop(&v, 3, -1), UI_LOOP_NONE);
	/* Back in the journey, outside the messy middle. */
	assert_int_equal(ui_view_loop(&v, 4, 0), UI_LOOP_BACK);
	assert_int_equal(ui_view_loop(&v, 3, 3), UI_LOOP_BACK);
	assert_int_equal(v.loops[1], 2);
	assert_int_equal(v.loops[2], 2);
	assert_int_equal(v.loops[3], 0);
	ui_view_free(&v);
}

static void test_search(void **state)
{
	struct ui_fixture *f = *state;
	struct ui_view v;

	ui_fixture_import(f->s, "j");
	ui_view_init(&v);
	assert_int_equal(ui_view_load(&v, f->s, "j"), STORE_OK);
	assert_int_equal(ui_view_search(&v, "VERGLEICH", -1), 2);
	assert_int_equal(ui_view_search(&v, "比較", 0), 2);
	/* From after the current one, round to it last. */
	assert_int_equal(ui_view_search(&v, "e", 0), 1);	/* Search */
	assert_int_equal(ui_view_search(&v, "e", 1), 2);
	assert_int_equal(ui_view_search(&v, "e", 4), 0);	/* Advert */
	assert_int_equal(ui_view_search(&v, "review", 4), 4);
	assert_int_equal(ui_view_search(&v, "zzz", -1), -1);
	assert_int_equal(ui_view_search(&v, "", -1), -1);
	ui_view_free(&v);
}

/* Cards of 2 or 3 lines: heights[] by index. */
static int card_height(size_t i, void *ctx)
{
	return ((const int *)ctx)[i];
}

static void test_scroll_lines(void **state)
{
	int h[] = { 2, 3, 2, 3, 3, 2, 2 };
	size_t n = sizeof h / sizeof h[0];

	(void)state;
	/* 11 lines, gap 1: 2+1+3+1+2 = 9, +1+3 = 13 > 11: three fit. */
	assert_int_equal(ui_layout_fit_lines(0, n, 11, 1, card_height, h), 3);
	assert_int_equal(ui_layout_scroll_lines(2, 0, n, 11, 1, card_height,
						h), 0);
	/* The fourth needs the first to go. */
	assert_int_equal(ui_layout_scroll_lines(3, 0, n, 11, 1, card_height,
						h), 1);
	/* Back up: the top follows the selection. */
	assert_int_equal(ui_layout_scroll_lines(1, 3, n, 11, 1, card_height,
						h), 1);
	/* The last ones: no room left unused below while cards are hidden
	 * above (3+1+2+1+2 = 9; with 3 more it is 13 > 11). */
	assert_int_equal(ui_layout_scroll_lines(6, 0, n, 11, 1, card_height,
						h), 4);
	assert_int_equal(ui_layout_scroll_lines(6, 6, n, 11, 1, card_height,
						h), 4);
	/* Everything fits: top 0 whatever was asked. */
	assert_int_equal(ui_layout_scroll_lines(6, 5, n, 40, 1, card_height,
						h), 0);
	/* A card taller than the room still shows, alone. */
	assert_int_equal(ui_layout_fit_lines(1, n, 2, 1, card_height, h), 1);
	assert_int_equal(ui_layout_scroll_lines(0, 0, 0, 11, 1, card_height,
						h), 0);
}

static void test_signed(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(ui_format_signed(-0.3, 0, buf, sizeof buf), "0");
	assert_string_equal(ui_format_signed(0.4, 0, buf, sizeof buf), "0");
	assert_string_equal(ui_format_signed(0, 2, buf, sizeof buf), "0.00");
	assert_string_equal(ui_format_signed(-0.001, 2, buf, sizeof buf),
			    "0.00");
	assert_string_equal(ui_format_signed(-0.6, 0, buf, sizeof buf), "-1");
	assert_string_equal(ui_format_signed(12.345, 2, buf, sizeof buf),
			    "+12.35");
	assert_string_equal(ui_format_signed(-10, 0, buf, sizeof buf), "-10");
}

static void test_plural(void **state)
{
	(void)state;
	assert_string_equal(ui_plural(1, "touchpoint", "touchpoints"),
			    "1 touchpoint");
	assert_string_equal(ui_plural(0, "step", "steps"), "0 steps");
	assert_string_equal(ui_plural(31, "card", "cards"), "31 cards");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_80x24),
		cmocka_unit_test(test_40x12),
		cmocka_unit_test(test_too_small_and_large),
		cmocka_unit_test(test_scroll),
		cmocka_unit_test(test_scroll_lines),
		cmocka_unit_test(test_plural),
		cmocka_unit_test(test_signed),
		cmocka_unit_test(test_curve),
		cmocka_unit_test_setup_teardown(test_view, ui_fixture_setup,
						ui_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_search, ui_fixture_setup,
						ui_fixture_teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");	/* towlower for the search */
	return cmocka_run_group_tests_name("ui_layout", tests, NULL, NULL);
}
