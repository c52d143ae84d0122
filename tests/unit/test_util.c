/*
 * test_util.c - the small rules in util: character widths (libutf8proc),
 * text made safe for a terminal, CSV cells that cannot run as formulas.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util.h"

static void test_widths(void **state)
{
	(void)state;
	assert_int_equal(util_char_width('a'), 1);
	assert_int_equal(util_char_width(0x1F6B2), 2);	/* bicycle */
	assert_int_equal(util_char_width(0x1F9FE), 2);	/* receipt */
	assert_int_equal(util_char_width(0x6BD4), 2);	/* CJK */
	assert_int_equal(util_char_width(0x0301), 0);	/* combining acute */
	assert_int_equal(util_char_width(0x1B), -1);	/* ESC */
	assert_int_equal(util_char_width(0x9B), -1);	/* CSI */
	assert_int_equal(util_utf8_width("Bike \xf0\x9f\x9a\xb2"), 7);
	assert_int_equal(util_utf8_width("e\xcc\x81"), 1);
	/* a cut never splits the wide character */
	assert_int_equal(util_utf8_prefix("ab\xf0\x9f\x9a\xb2", 3, NULL), 2);
}

static void assert_visible(const char *in, bool one_line, const char *want)
{
	char *got = util_text_visible(in, one_line);

	assert_string_equal(got, want);
	free(got);
}

static void test_text_visible(void **state)
{
	(void)state;
	assert_visible("plain Zürich 東京", true, "plain Zürich 東京");
	assert_visible("a\033]0;x\007b", true, "a^[]0;x^Gb");
	assert_visible("del\177", true, "del^?");
	assert_visible("csi\xc2\x9b" "2J", true, "csiM-^[2J");
	assert_visible("bad\xff", true, "bad\\xff");
	assert_visible("two\nlines\tand tab", true, "two lines and tab");
	assert_visible("two\nlines\tand tab", false, "two\nlines\tand tab");
	assert_visible("cr\r", false, "cr^M");
	assert_visible(NULL, true, "");
}

static void assert_csv(const char *in, const char *want)
{
	char *got = util_csv_quote(in);

	assert_string_equal(got, want);
	free(got);
}

static void test_csv_cells(void **state)
{
	(void)state;
	assert_csv("plain", "plain");
	assert_csv("=SUM(1+1)", "'=SUM(1+1)");
	assert_csv("+31 20", "'+31 20");
	assert_csv("-x", "'-x");
	assert_csv("@team", "'@team");
	assert_csv("\tx", "'\tx");
	assert_csv("\rx", "\"'\rx\"");
	assert_csv("=A1,B1", "\"'=A1,B1\"");
	assert_csv("say \"hi\"", "\"say \"\"hi\"\"\"");
	assert_csv("a - b", "a - b");	/* only a leading one */
	assert_csv(NULL, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_text_visible),
		cmocka_unit_test(test_csv_cells),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
