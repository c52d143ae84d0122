/*
 * test_ui_field.c - the forms' text fields: editing a wchar_t buffer with
 * a cursor, UTF-8 in and out, checks as typed with their messages,
 * scrolling by display width, keys made from names.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ui.h"
#include "util.h"

static void type(struct ui_field *f, const wchar_t *s)
{
	for (; *s; s++)
		ui_field_insert(f, *s);
}

static void assert_text(const struct ui_field *f, const char *want)
{
	char *t = ui_field_text(f);

	if (!want)
		assert_null(t);
	else
		assert_string_equal(t, want);
	free(t);
}

static void test_editing(void **state)
{
	struct ui_field f;

	(void)state;
	ui_field_init(&f, "Name", UI_FIELD_TEXT);
	type(&f, L"Kontoer");
	ui_field_insert(&f, 0xf6);	/* ö */
	type(&f, L"ffnung");
	assert_text(&f, "Kontoeröffnung");
	assert_int_equal(f.len, 14);
	ui_field_home(&f);
	ui_field_delete(&f);
	assert_text(&f, "ontoeröffnung");
	ui_field_move(&f, 5);
	ui_field_backspace(&f);	/* the e before ö */
	assert_text(&f, "ontoröffnung");
	ui_field_move(&f, -100);
	assert_int_equal(f.cur, 0);
	ui_field_backspace(&f);	/* nothing before the start */
	ui_field_end(&f);
	ui_field_delete(&f);	/* nothing after the end */
	assert_text(&f, "ontoröffnung");
	ui_field_insert(&f, L'\t');	/* control characters are refused */
	ui_field_insert(&f, 0x7f);
	assert_int_equal(f.len, 12);
	/* A wide character is one character for the cursor and Backspace. */
	type(&f, L" 比較");
	ui_field_backspace(&f);
	assert_text(&f, "ontoröffnung 比");
	ui_field_kill(&f);
	assert_text(&f, NULL);
	/* Blanks around the text are not kept. */
	type(&f, L"  x y  ");
	assert_text(&f, "x y");
	ui_field_free(&f);
}

static void test_utf8_round_trip(void **state)
{
	static const char *const texts[] = { "Über café 東京",
		"Schadeformulier – invullen", "😀 emoji", "" };
	struct ui_field f;
	char *raw;

	(void)state;
	ui_field_init(&f, "Notes", UI_FIELD_TEXT);
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		ui_field_set(&f, texts[i]);
		assert_text(&f, *texts[i] ? texts[i] : NULL);
		assert_int_equal(f.cur, f.len);
	}
	/* A broken byte becomes U+FFFD rather than vanishing. */
	ui_field_set(&f, "a\xff" "b");
	assert_int_equal(f.len, 3);
	assert_int_equal(f.buf[1], 0xfffd);
	raw = ui_field_raw(&f, 2);
	assert_string_equal(raw, "b");
	free(raw);
	ui_field_free(&f);
}

static void test_int_checks(void **state)
{
	struct ui_field f;

	(void)state;
	ui_field_init(&f, "Emotion", UI_FIELD_INT);
	f.min = -3;
	f.max = 3;
	ui_field_set(&f, "5");
	assert_false(ui_field_check(&f));
	assert_string_equal(f.err,
			    "Emotion must be a whole number from -3 to +3");
	ui_field_set(&f, "1.5");
	assert_false(ui_field_check(&f));
	ui_field_set(&f, "abc");
	assert_false(ui_field_check(&f));
	ui_field_set(&f, "");
	assert_false(ui_field_check(&f));
	assert_string_equal(f.err,
			    "Emotion: type a whole number from -3 to +3");
	ui_field_set(&f, " -3 ");
	assert_true(ui_field_check(&f));
	assert_string_equal(f.err, "");
	assert_true(ui_field_number(&f) == -3);
	ui_field_set(&f, "+2");
	assert_true(ui_field_check(&f));
	assert_true(ui_field_number(&f) == 2);
	ui_field_free(&f);
}

static void test_number_checks(void **state)
{
	struct ui_field f;

	(void)state;
	ui_field_init(&f, "Drop", UI_FIELD_NUMBER);
	f.min = 0;
	f.max = 1;
	ui_field_set(&f, "1.5");
	assert_false(ui_field_check(&f));
	assert_string_equal(f.err, "Drop must be a number from 0 to 1");
	ui_field_set(&f, "0,25");	/* a decimal comma, as in de and nl */
	assert_true(ui_field_check(&f));
	assert_true(ui_field_number(&f) == 0.25);
	ui_field_set(&f, "nan");
	assert_false(ui_field_check(&f));
	ui_field_set(&f, "1e400");
	assert_false(ui_field_check(&f));
	ui_field_free(&f);

	ui_field_init(&f, "Weight", UI_FIELD_NUMBER);
	f.min = 0;
	f.max = 1e12;
	f.min_open = true;
	ui_field_set(&f, "0");
	assert_false(ui_field_check(&f));
	assert_string_equal(f.err, "Weight must be a number greater than 0");
	ui_field_set(&f, "0.001");
	assert_true(ui_field_check(&f));
	ui_field_set_number(&f, 2.5);
	assert_text(&f, "2.5");
	ui_field_free(&f);

	ui_field_init(&f, "Dwell", UI_FIELD_NUMBER);
	f.min = 0;
	f.max = 1e9;
	ui_field_set(&f, "-1");
	assert_false(ui_field_check(&f));
	assert_string_equal(f.err, "Dwell must be a number 0 or more");
	ui_field_set(&f, "2e9");	/* past the sane bound: say it */
	assert_false(ui_field_check(&f));
	assert_string_equal(f.err, "Dwell: at most 1,000,000,000");
	ui_field_free(&f);
}

/* The simulation panel's customers: a real limit, named in the tip and
 * in the message; thousands separators as the panel shows counts. */
static void test_limit_named(void **state)
{
	struct ui_field f;
	char tip[200];

	(void)state;
	ui_field_init(&f, "Customers", UI_FIELD_INT);
	f.min = 1;
	f.max = 1e12;
	f.max_named = true;
	ui_field_set(&f, "2000000000000");
	assert_false(ui_field_check(&f));
	assert_string_equal(f.err, "Customers must be a whole number from 1 "
			    "to 1,000,000,000,000");
	ui_field_set(&f, "100,000,000");
	assert_true(ui_field_check(&f));
	assert_true(ui_field_number(&f) == 1e8);
	ui_field_set(&f, "");
	assert_false(ui_field_check(&f));
	ui_field_tip(&f, tip, sizeof tip);
	assert_string_equal(tip, "required: a whole number from 1 to "
			    "1,000,000,000,000");
	ui_field_free(&f);
}

/* A number with a default may be left empty, and says so; one without
 * one says it is required, never "may be empty". */
static void test_number_tips(void **state)
{
	struct ui_field f;
	char tip[200];

	(void)state;
	ui_field_init(&f, "Drop", UI_FIELD_NUMBER);
	f.min = 0;
	f.max = 1;
	ui_field_tip(&f, tip, sizeof tip);
	assert_string_equal(tip, "required: a number from 0 to 1");
	f.has_def = true;
	f.def = 0;
	ui_field_tip(&f, tip, sizeof tip);
	assert_string_equal(tip, "a number from 0 to 1; empty: 0");
	ui_field_set(&f, "");
	assert_true(ui_field_check(&f));
	assert_true(ui_field_number(&f) == 0);
	ui_field_free(&f);

	ui_field_init(&f, "Weight", UI_FIELD_NUMBER);
	f.min = 0;
	f.max = 1e12;
	f.min_open = true;
	f.has_def = true;
	f.def = 1;
	ui_field_set(&f, " ");
	assert_true(ui_field_check(&f));
	assert_true(ui_field_number(&f) == 1);
	ui_field_tip(&f, tip, sizeof tip);
	assert_string_equal(tip, "a number greater than 0; empty: 1");
	ui_field_free(&f);

	ui_field_init(&f, "Notes", UI_FIELD_TEXT);
	ui_field_tip(&f, tip, sizeof tip);
	assert_string_equal(tip, "may be empty");
	ui_field_free(&f);
}

static void test_text_and_key_checks(void **state)
{
	struct ui_field f;
	char big[MOT_KEY_MAX + 2];

	(void)state;
	ui_field_init(&f, "Name", UI_FIELD_TEXT);
	f.required = true;
	ui_field_set(&f, "   ");
	assert_false(ui_field_check(&f));
	assert_string_equal(f.err, "Name must not be empty");
	f.required = false;
	assert_true(ui_field_check(&f));
	ui_field_free(&f);

	ui_field_init(&f, "Key", UI_FIELD_KEY);
	assert_true(ui_field_check(&f));	/* empty: made from the name */
	ui_field_set(&f, "Bad Key");
	assert_false(ui_field_check(&f));
	assert_non_null(strstr(f.err, "lower-case letters"));
	ui_field_set(&f, "-x");
	assert_false(ui_field_check(&f));
	ui_field_set(&f, "call-centre-2");
	assert_true(ui_field_check(&f));
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	ui_field_set(&f, big);
	assert_false(ui_field_check(&f));
	assert_non_null(strstr(f.err, "at most"));
	ui_field_free(&f);
}

/* A text field takes the rules of a journey file (model_text_ok): no
 * control characters (ESC, BEL: terminal escapes once printed), at most
 * MOT_TEXT_MAX bytes. */
static void test_text_rules(void **state)
{
	struct ui_field f;
	char *big = xmalloc(MOT_TEXT_MAX + 2);

	(void)state;
	ui_field_init(&f, "Title", UI_FIELD_TEXT);
	ui_field_set(&f, "red \x1b[31m");
	assert_false(ui_field_check(&f));
	assert_non_null(strstr(f.err, "Title: "));
	assert_non_null(strstr(f.err, "control character"));
	ui_field_set(&f, "bell \x07");
	assert_false(ui_field_check(&f));
	memset(big, 'a', MOT_TEXT_MAX + 1);
	big[MOT_TEXT_MAX + 1] = '\0';
	ui_field_set(&f, big);
	assert_false(ui_field_check(&f));
	big[MOT_TEXT_MAX] = '\0';
	ui_field_set(&f, big);
	assert_true(ui_field_check(&f));
	ui_field_set(&f, "Caf\xc3\xa9 \xe2\x80\x94 Stra\xc3\x9f""e");
	assert_true(ui_field_check(&f));
	free(big);
	ui_field_free(&f);
}

static void test_choices(void **state)
{
	static const char *const c[] = { "a", "b", "c" };
	struct ui_field f;

	(void)state;
	ui_field_init(&f, "Stage", UI_FIELD_CHOICE);
	f.choices = c;
	f.n_choices = 3;
	ui_field_cycle(&f, -1);
	assert_int_equal(f.choice, 2);
	ui_field_cycle(&f, 2);
	assert_int_equal(f.choice, 1);
	assert_true(ui_field_check(&f));
	ui_field_free(&f);
	ui_field_init(&f, "Human", UI_FIELD_BOOL);
	ui_field_cycle(&f, 1);
	assert_int_equal(f.choice, 1);
	ui_field_cycle(&f, 1);
	assert_int_equal(f.choice, 0);
	ui_field_free(&f);
}

/* The window over a long text keeps the cursor cell inside, counting
 * wide characters as two columns, and shows as much as fits. */
static void test_fit(void **state)
{
	struct ui_field f;
	int before;

	(void)state;
	ui_field_init(&f, "Notes", UI_FIELD_TEXT);
	ui_field_set(&f, "比較サイトで検討する");	/* 20 columns */
	before = ui_field_fit(&f, 10);
	assert_true(before < 10);
	assert_int_equal(before, 8);	/* 4 wide characters + the cursor */
	assert_int_equal(f.scroll, 6);
	ui_field_home(&f);
	assert_int_equal(ui_field_fit(&f, 10), 0);
	assert_int_equal(f.scroll, 0);
	ui_field_end(&f);
	ui_field_backspace(&f);
	ui_field_backspace(&f);
	ui_field_backspace(&f);
	/* Shorter now: it scrolls back to show more of the start. */
	assert_int_equal(ui_field_fit(&f, 30), 14);
	assert_int_equal(f.scroll, 0);
	ui_field_free(&f);
}

static void test_key_from_name(void **state)
{
	struct mot_journey j;
	struct mot_touchpoint tp[2];
	char *k;

	(void)state;
	model_journey_init(&j);
	model_touchpoint_init(&tp[0]);
	model_touchpoint_init(&tp[1]);
	tp[0].key = "call-centre";
	tp[1].key = "call-centre-2";
	j.touchpoints = tp;
	j.n_touchpoints = 2;
	k = ui_key_from_name("Kontoeröffnung prüfen", &j, false);
	assert_string_equal(k, "kontoeroffnung-prufen");
	free(k);
	k = ui_key_from_name("  Straße & Café!  ", &j, false);
	assert_string_equal(k, "strasse-cafe");
	free(k);
	k = ui_key_from_name("Call centre", &j, false);
	assert_string_equal(k, "call-centre-3");
	free(k);
	k = ui_key_from_name("比較サイト", &j, false);
	assert_string_equal(k, "tp");
	free(k);
	k = ui_key_from_name("比較サイト", &j, true);
	assert_string_equal(k, "persona");
	free(k);
	k = ui_key_from_name("IJsselmeer Œuvre 2", &j, false);
	assert_string_equal(k, "ijsselmeer-oeuvre-2");
	assert_true(model_key_valid(k));
	free(k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_editing),
		cmocka_unit_test(test_utf8_round_trip),
		cmocka_unit_test(test_int_checks),
		cmocka_unit_test(test_number_checks),
		cmocka_unit_test(test_limit_named),
		cmocka_unit_test(test_number_tips),
		cmocka_unit_test(test_text_and_key_checks),
		cmocka_unit_test(test_text_rules),
		cmocka_unit_test(test_choices),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_key_from_name),
	};

	setlocale(LC_ALL, "C.UTF-8");	/* wcwidth of CJK */
	return cmocka_run_group_tests_name("ui_field", tests, NULL, NULL);
}
