/*
 * test_locale.c - numbers in files and options do not follow LC_NUMERIC:
 * under a German or Dutch locale (decimal comma) the library still writes
 * and reads "0.5".  main() keeps LC_NUMERIC "C" as well, so this is what
 * guards every other caller of the library (and the UI's threads).
 */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "export.h"
#include "model.h"
#include "sim.h"
#include "util.h"
#include "yamlio.h"

/* Switch the whole process to a locale with a decimal comma; skip when
 * none is installed. */
static void comma_locale(void)
{
	static const char *const names[] = { "de_DE.UTF-8", "nl_NL.UTF-8",
					     "de_DE.utf8", "nl_NL.utf8" };
	char buf[16];

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (setlocale(LC_ALL, names[i])) {
			snprintf(buf, sizeof buf, "%.1f", 0.5);
			assert_string_equal(buf, "0,5");
			return;
		}
	skip();
}

static int back_to_c(void **state)
{
	(void)state;
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

static void test_format_and_parse(void **state)
{
	char buf[40];
	double v = 0;

	(void)state;
	comma_locale();
	assert_string_equal(util_num_format(0.5, buf, sizeof buf), "0.5");
	assert_string_equal(util_num_format(0.15, buf, sizeof buf), "0.15");
	assert_string_equal(util_num_format(-2.75, buf, sizeof buf), "-2.75");
	assert_string_equal(util_num_format(1e-7, buf, sizeof buf), "1e-07");
	assert_string_equal(util_num_format(3, buf, sizeof buf), "3");
	assert_string_equal(model_format_number(0.25, buf, sizeof buf), "0.25");
	assert_int_equal(util_num_parse("0.5", &v), 0);
	assert_true(v == 0.5);
	assert_int_equal(util_num_parse("1e-3", &v), 0);
	assert_true(v == 1e-3);
	/* the locale's own form is not a number in an option or a file */
	assert_int_equal(util_num_parse("0,5", &v), -1);
	assert_int_equal(util_num_parse("", &v), -1);
	assert_int_equal(util_num_parse("inf", &v), -1);
	assert_int_equal(util_num_parse("1e999", &v), -1);
	assert_int_equal(util_num_parse(NULL, &v), -1);
	assert_true(util_strtod_c("2.5x", NULL) == 2.5);
}

/* enter/leave: C numbers inside, the user's locale again after, and the
 * multibyte character set (LC_CTYPE) untouched inside. */
static void test_enter_leave(void **state)
{
	struct util_locale l, inner;
	char buf[16];

	(void)state;
	comma_locale();
	util_locale_c_enter(&l);
	snprintf(buf, sizeof buf, "%.2f", 1.25);
	assert_string_equal(buf, "1.25");
	assert_true(MB_CUR_MAX > 1);
	util_locale_c_enter(&inner);	/* nests */
	util_locale_c_leave(&inner);
	snprintf(buf, sizeof buf, "%.1f", 0.5);
	assert_string_equal(buf, "0.5");
	util_locale_c_leave(&l);
	snprintf(buf, sizeof buf, "%.1f", 0.5);
	assert_string_equal(buf, "0,5");
}

static void load(const char *rel, struct mot_journey *j)
{
	const char *top = getenv("MOT_TOP");
	char *path = xasprintf("%s/%s", top ? top : ".", rel);
	struct mot_diags d = { 0 };

	assert_int_equal(yamlio_load_file(path, j, &d), 0);
	model_diags_free(&d);
	free(path);
}

/* A journey file reads and writes the same under a comma locale. */
static void test_yaml_round_trip(void **state)
{
	struct mot_journey j;
	char *buf = NULL;
	size_t len = 0;
	FILE *out;

	(void)state;
	comma_locale();
	load("tests/data/good/rich.yaml", &j);
	out = open_memstream(&buf, &len);
	assert_int_equal(yamlio_write(out, &j), 0);
	fclose(out);
	assert_non_null(strstr(buf, "drop: 0."));
	assert_null(strstr(buf, "drop: 0,"));
	free(buf);
	model_journey_free(&j);
}

/* analyze -f json and -f csv: every number with a point. */
static void test_analyze_json_csv(void **state)
{
	struct analyze_result a;
	struct mot_journey j;
	char err[256], *buf = NULL;
	size_t len = 0;
	FILE *out;

	(void)state;
	comma_locale();
	load("tests/data/good/rich.yaml", &j);
	assert_int_equal(analyze_journey(&j, NULL, &a, err, sizeof err), 0);
	out = open_memstream(&buf, &len);
	analyze_report(out, SIM_FMT_JSON, &j, NULL, &a, 0);
	fclose(out);
	assert_non_null(strstr(buf, "\"conversion_probability\":0."));
	assert_null(strstr(buf, "\"conversion_probability\":0,"));
	free(buf);
	buf = NULL;
	out = open_memstream(&buf, &len);
	analyze_report(out, SIM_FMT_CSV, &j, NULL, &a, 0);
	fclose(out);
	/* the csv has six columns on every line: a decimal comma adds one */
	for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
		int commas = 0;

		for (char *p = line; *p; p++)
			commas += *p == ',';
		if (!strchr(line, '"'))
			assert_int_equal(commas, 5);
	}
	free(buf);
	analyze_result_free(&a);
	model_journey_free(&j);
}

/* Every export format goes through export_write_stream in "C". */
static void test_exports(void **state)
{
	struct export_options opt = { .width = 80 };
	struct mot_journey j;
	char err[256], *buf = NULL;
	size_t len = 0;
	FILE *out;

	(void)state;
	comma_locale();
	load("tests/data/good/rich.yaml", &j);
	out = open_memstream(&buf, &len);
	assert_int_equal(export_write_stream(export_find("svg"), out, &j, &opt,
					     err, sizeof err), 0);
	fclose(out);
	/* coordinates are printf'ed with one decimal (a card is 84 high) */
	assert_non_null(strstr(buf, "height=\"84.0\""));
	assert_null(strstr(buf, "height=\"84,0\""));
	free(buf);
	model_journey_free(&j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_format_and_parse, back_to_c),
		cmocka_unit_test_teardown(test_enter_leave, back_to_c),
		cmocka_unit_test_teardown(test_yaml_round_trip, back_to_c),
		cmocka_unit_test_teardown(test_analyze_json_csv, back_to_c),
		cmocka_unit_test_teardown(test_exports, back_to_c),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
