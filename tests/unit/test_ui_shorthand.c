/*
 * test_ui_shorthand.c - the quick-add line: a name, then shorthand read
 * from the end while the words are shorthand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ui.h"

static void parse_ok(const char *line, struct ui_shorthand *sh)
{
	char err[200];

	if (ui_shorthand_parse(line, sh, err, sizeof err) != 0)
		fail_msg("'%s' refused: %s", line, err);
}

static void test_the_example(void **state)
{
	struct ui_shorthand sh;

	(void)state;
	parse_ok("Comparison portal @comparison-site -1 ~", &sh);
	assert_string_equal(sh.name, "Comparison portal");
	assert_string_equal(sh.channel, "comparison-site");
	assert_true(sh.has_emotion);
	assert_int_equal(sh.emotion, -1);
	assert_true(sh.not_controlled);
	assert_false(sh.critical || sh.human || sh.conversion);
	assert_int_equal(sh.phase, -1);
	assert_false(sh.has_drop);
	assert_true(sh.entry == 0);
	ui_shorthand_free(&sh);
}

static void test_every_word(void **state)
{
	struct ui_shorthand sh;

	(void)state;
	parse_ok("  Online switch form  #eval +2 @web 12,5% >3 !H$  ", &sh);
	assert_string_equal(sh.name, "Online switch form");
	assert_int_equal(sh.phase, MOT_PHASE_EVALUATION);
	assert_int_equal(sh.emotion, 2);
	assert_string_equal(sh.channel, "web");
	assert_true(sh.drop == 0.125);
	assert_true(sh.entry == 3);
	assert_true(sh.critical && sh.human && sh.conversion);
	assert_false(sh.not_controlled);
	ui_shorthand_free(&sh);

	parse_ok("TV spot > #expo", &sh);
	assert_true(sh.entry == 1);
	assert_int_equal(sh.phase, MOT_PHASE_EXPOSURE);
	ui_shorthand_free(&sh);

	/* Phases by a unique start, a tag, any case; +0 is an emotion. */
	parse_ok("Reviews #Evaluation +0", &sh);
	assert_int_equal(sh.phase, MOT_PHASE_EVALUATION);
	assert_true(sh.has_emotion);
	assert_int_equal(sh.emotion, 0);
	ui_shorthand_free(&sh);
	parse_ok("Portal #XPLR", &sh);
	assert_int_equal(sh.phase, MOT_PHASE_EXPLORATION);
	ui_shorthand_free(&sh);
	parse_ok("Delivery #experie", &sh);
	assert_int_equal(sh.phase, MOT_PHASE_EXPERIENCE);
	ui_shorthand_free(&sh);
}

/* Words that are not shorthand stay in the name, and end the shorthand. */
static void test_names_stay_names(void **state)
{
	struct ui_shorthand sh;

	(void)state;
	parse_ok("Top 3 deals", &sh);
	assert_string_equal(sh.name, "Top 3 deals");
	ui_shorthand_free(&sh);
	/* +3 before a plain word is the name's; -4 is no emotion */
	parse_ok("Win +3 points -4", &sh);
	assert_string_equal(sh.name, "Win +3 points -4");
	assert_false(sh.has_emotion);
	ui_shorthand_free(&sh);
	/* #exp is ambiguous, #deals no phase, 120% no drop: all names */
	parse_ok("Instagram #deals", &sh);
	assert_string_equal(sh.name, "Instagram #deals");
	assert_int_equal(sh.phase, -1);
	ui_shorthand_free(&sh);
	parse_ok("Campaign #exp", &sh);
	assert_string_equal(sh.name, "Campaign #exp");
	ui_shorthand_free(&sh);
	parse_ok("Bonus 120%", &sh);
	assert_string_equal(sh.name, "Bonus 120%");
	ui_shorthand_free(&sh);
	/* the first word is always the name's */
	parse_ok("@home", &sh);
	assert_string_equal(sh.name, "@home");
	assert_null(sh.channel);
	ui_shorthand_free(&sh);
	/* umlauts and CJK in the name; the channel keeps its text */
	parse_ok("Preisvergleich für 電気 @vergleichsportal-de -2", &sh);
	assert_string_equal(sh.name, "Preisvergleich für 電気");
	assert_string_equal(sh.channel, "vergleichsportal-de");
	assert_int_equal(sh.emotion, -2);
	ui_shorthand_free(&sh);
}

/* The rightmost of two words for one field wins. */
static void test_last_word_wins(void **state)
{
	struct ui_shorthand sh;

	(void)state;
	parse_ok("Call @phone -1 +2 @chat", &sh);
	assert_string_equal(sh.name, "Call");
	assert_int_equal(sh.emotion, 2);
	assert_string_equal(sh.channel, "chat");
	ui_shorthand_free(&sh);
}

static void test_no_name(void **state)
{
	struct ui_shorthand sh;
	char err[200];

	(void)state;
	assert_int_equal(ui_shorthand_parse("   ", &sh, err, sizeof err), -1);
	assert_non_null(strstr(err, "Type a name first"));
	assert_null(sh.name);
	assert_int_equal(ui_shorthand_parse("", &sh, err, sizeof err), -1);
	assert_int_equal(ui_shorthand_parse(NULL, &sh, err, sizeof err), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_example),
		cmocka_unit_test(test_every_word),
		cmocka_unit_test(test_names_stay_names),
		cmocka_unit_test(test_last_word_wins),
		cmocka_unit_test(test_no_name),
	};
	return cmocka_run_group_tests_name("ui_shorthand", tests, NULL, NULL);
}
