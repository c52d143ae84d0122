/*
 * test_ui_keys.c - the one table of key bindings: lookups per context,
 * no key meaning two things in one place, every action reachable, and
 * mot(1)'s designer section listing every key of the table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ui.h"
#include "util.h"

/* The code of a key by its label (no curses here: KEY_* come from the
 * table itself). */
static int code_of(const char *label)
{
	size_t n;
	const struct ui_binding *b = ui_keys_table(&n);

	for (size_t i = 0; i < n; i++)
		if (b[i].is_code && strcmp(b[i].label, label) == 0)
			return b[i].key;
	fail_msg("no key code labelled %s", label);
	return 0;
}

static void test_lookup(void **state)
{
	(void)state;
	assert_int_equal(ui_keys_lookup(UI_CTX_MAP, false, 'q'), UI_ACT_BACK);
	assert_int_equal(ui_keys_lookup(UI_CTX_JOURNEYS, false, 'q'),
			 UI_ACT_BACK);
	/* In a form, letters are text. */
	assert_int_equal(ui_keys_lookup(UI_CTX_FORM, false, 'q'), UI_ACT_NONE);
	assert_int_equal(ui_keys_lookup(UI_CTX_FORM, false, 'u'), UI_ACT_NONE);
	assert_int_equal(ui_keys_lookup(UI_CTX_FORM, false, '\r'),
			 UI_ACT_SAVE);
	assert_int_equal(ui_keys_lookup(UI_CTX_FORM, false, 27), UI_ACT_CANCEL);
	assert_int_equal(ui_keys_lookup(UI_CTX_FORM, true, code_of("Shift-Tab")),
			 UI_ACT_PREV_FIELD);
	assert_int_equal(ui_keys_lookup(UI_CTX_MAP, false, '\n'), UI_ACT_OPEN);
	assert_int_equal(ui_keys_lookup(UI_CTX_MAP, false, 'n'),
			 UI_ACT_SEARCH_NEXT);
	assert_int_equal(ui_keys_lookup(UI_CTX_MAP, false, 'b'), UI_ACT_LANES);
	assert_int_equal(ui_keys_lookup(UI_CTX_RESULTS, false, 'b'),
			 UI_ACT_BASELINE);
	assert_int_equal(ui_keys_lookup(UI_CTX_CONFIRM, false, 'n'), UI_ACT_NO);
	assert_int_equal(ui_keys_lookup(UI_CTX_MAP, false, 'H'),
			 UI_ACT_STAGE_PREV);
	assert_int_equal(ui_keys_lookup(UI_CTX_MAP, false, 'h'), UI_ACT_LEFT);
	assert_int_equal(ui_keys_lookup(UI_CTX_JOURNEYS, false, 'l'),
			 UI_ACT_OPEN);
	assert_int_equal(ui_keys_lookup(UI_CTX_MAP, false, 'l'), UI_ACT_RIGHT);
	assert_int_equal(ui_keys_lookup(UI_CTX_MAP, false, 0x12), UI_ACT_REDO);
	assert_int_equal(ui_keys_lookup(UI_CTX_HELP, false, 'u'), UI_ACT_NONE);
	assert_int_equal(ui_keys_lookup(UI_CTX_JOURNEYS, false, 27),
			 UI_ACT_NONE);	/* Esc never quits */
	assert_int_equal(ui_keys_lookup(UI_CTX_PROMPT, true, code_of("Down")),
			 UI_ACT_DOWN);
	/* The mouse rows are for help only. */
	assert_int_equal(ui_keys_lookup(UI_CTX_MOUSE, false, UI_KEY_MOUSE_ROW),
			 UI_ACT_NONE);
}

/* A key bound twice where both rows apply would make one row dead. */
static void test_no_ambiguous_keys(void **state)
{
	size_t n;
	const struct ui_binding *b = ui_keys_table(&n);

	(void)state;
	for (size_t i = 0; i < n; i++)
		for (size_t k = i + 1; k < n; k++) {
			if (b[i].key != b[k].key || b[i].is_code != b[k].is_code ||
			    b[i].key == UI_KEY_MOUSE_ROW)
				continue;
			if ((b[i].ctx & b[k].ctx) && b[i].action != b[k].action)
				fail_msg("'%s' means two things (rows %zu, %zu)",
					 b[i].label, i, k);
		}
}

static void test_every_action_bound(void **state)
{
	size_t n;
	const struct ui_binding *b = ui_keys_table(&n);
	char buf[96];

	(void)state;
	for (int a = UI_ACT_NONE + 1; a < UI_ACT_COUNT; a++) {
		bool found = false;

		for (size_t i = 0; i < n && !found; i++)
			found = b[i].action == (enum ui_action)a;
		if (!found)
			fail_msg("action %d has no key", a);
	}
	/* The first row of each group says what it does: help prints it. */
	for (size_t i = 0; i < n; i++)
		if (i == 0 || b[i].action != b[i - 1].action ||
		    b[i].ctx != b[i - 1].ctx)
			if (!b[i].help || !*b[i].help)
				fail_msg("row %zu (%s) has no help text", i,
					 b[i].label);
	assert_string_equal(ui_keys_label(UI_CTX_MAP, UI_ACT_UP, buf,
					  sizeof buf), "k, Up");
	assert_string_equal(ui_keys_label(UI_CTX_FORM, UI_ACT_SAVE, buf,
					  sizeof buf), "Enter");
	assert_string_equal(ui_keys_label(UI_CTX_FORM, UI_ACT_BACKSPACE, buf,
					  sizeof buf), "Backspace");
	assert_string_equal(ui_keys_section(UI_CTX_MOUSE), "Mouse");
}

/* The designer section of mot(1), or NULL. */
static char *man_section(void)
{
	const char *top = getenv("MOT_TOP");
	char *path = xasprintf("%s/man/mot.1", top ? top : ".");
	char err[256], *data = NULL, *start, *end;
	size_t len;

	if (util_read_file(path, 1 << 20, &data, &len, err, sizeof err) != 0) {
		free(path);
		return NULL;
	}
	free(path);
	start = strstr(data, ".Sh THE JOURNEY DESIGNER");
	if (!start) {
		free(data);
		return NULL;
	}
	end = strstr(start + 1, "\n.Sh ");
	if (end)
		*end = '\0';
	memmove(data, start, strlen(start) + 1);
	return data;
}

/* Whether `label` follows an Ic macro on some .It line of the section
 * ("\&?" is how mdoc writes a lone ?). */
static bool man_lists(const char *sec, const char *label)
{
	char *copy = xstrdup(sec), *save = NULL;
	bool found = false, after_ic = false;

	for (char *line = strtok_r(copy, "\n", &save); line && !found;
	     line = strtok_r(NULL, "\n", &save)) {
		char *tsave = NULL;

		if (strncmp(line, ".It ", 4) != 0)
			continue;
		for (char *tok = strtok_r(line, " ", &tsave); tok && !found;
		     tok = strtok_r(NULL, " ", &tsave)) {
			if (strncmp(tok, "\\&", 2) == 0)
				tok += 2;
			if (after_ic && strcmp(tok, label) == 0)
				found = true;
			after_ic = strcmp(tok, "Ic") == 0;
		}
	}
	free(copy);
	return found;
}

static void test_man_lists_every_key(void **state)
{
	size_t n;
	const struct ui_binding *b = ui_keys_table(&n);
	char *sec = man_section();

	(void)state;
	if (!sec)
		fail_msg("man/mot.1 has no THE JOURNEY DESIGNER section "
			 "(MOT_TOP=%s)", getenv("MOT_TOP") ? getenv("MOT_TOP") :
			 "unset");
	for (size_t i = 0; i < n; i++)
		if (!man_lists(sec, b[i].label))
			fail_msg("mot(1) does not list the key '%s'", b[i].label);
	/* Every screen is described. */
	assert_non_null(strstr(sec, ".It Journeys"));
	assert_non_null(strstr(sec, ".It Journey map"));
	assert_non_null(strstr(sec, ".It Touchpoint editor"));
	assert_non_null(strstr(sec, ".It Transitions"));
	assert_non_null(strstr(sec, ".It Personas"));
	assert_non_null(strstr(sec, ".It Help"));
	free(sec);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_no_ambiguous_keys),
		cmocka_unit_test(test_every_action_bound),
		cmocka_unit_test(test_man_lists_every_key),
	};
	return cmocka_run_group_tests_name("ui_keys", tests, NULL, NULL);
}
