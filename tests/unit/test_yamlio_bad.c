/*
 * test_yamlio_bad.c - one fixture per way a journey file can be bad
 * (tests/data/bad/), each with the exact line, column and path reported;
 * huge, truncated and NUL-holding input; a decimal-comma locale; the
 * error cap and the order and printing of the messages.
 */
#include "test_yamlio_fixture.h"

/* --- bad files ----------------------------------------------------------- */

struct bad_case {
	const char *file;
	unsigned line, column;
	const char *path;
	const char *fragment;
	size_t errors;      /* how many errors in all; 0: not checked */
};

static const struct mot_diag *find_diag(const struct mot_diags *d,
					const char *fragment)
{
	for (size_t i = 0; i < d->n; i++)
		if (strstr(d->items[i].message, fragment))
			return &d->items[i];
	return NULL;
}

static void check_bad(const struct bad_case *c, const struct mot_diags *d)
{
	const struct mot_diag *g = find_diag(d, c->fragment);

	if (!g) {
		yamlio_print_diags(stderr, c->file, d);
		fail_msg("%s: no error with \"%s\"", c->file, c->fragment);
	}
	assert_int_equal(g->severity, MOT_ERROR);
	assert_string_equal(g->path, c->path);
	assert_int_equal(g->line, c->line);
	assert_int_equal(g->column, c->column);
	if (c->errors)
		assert_int_equal(d->errors, c->errors);
	for (size_t i = 0; i < d->n; i++)	/* every one is located */
		assert_true(d->items[i].line > 0 && d->items[i].column > 0);
}

static void test_bad(void **state)
{
	const struct bad_case *c = *state;
	struct mot_diags d = { 0 };
	struct mot_journey j;
	char *path = fixture(c->file);

	assert_int_equal(yamlio_load_file(path, &j, &d), -1);
	assert_null(j.key);	/* nothing half-loaded is handed out */
	assert_int_equal(j.n_touchpoints, 0);
	check_bad(c, &d);
	model_diags_free(&d);
	free(path);
}

/* Refused by size before anything is parsed. */
static void test_huge_buffer(void **state)
{
	size_t len = YAMLIO_MAX_BYTES + 1;
	char *data = xmalloc(len);
	struct mot_diags d = { 0 };
	struct mot_journey j;
	const struct bad_case c = { "huge", 1, 1, "", "more than the limit", 1 };

	(void)state;
	memset(data, '#', len);
	assert_int_equal(yamlio_load_buffer("huge", data, len, &j, &d), -1);
	check_bad(&c, &d);
	model_diags_free(&d);
	free(data);
}

static void test_huge_file(void **state)
{
	char path[] = "/tmp/mot-yamlio-huge.XXXXXX";
	int fd = mkstemp(path);
	struct mot_diags d = { 0 };
	struct mot_journey j;
	const struct bad_case c = { "huge", 1, 1, "", "more than the limit", 1 };

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)YAMLIO_MAX_BYTES + 1), 0);
	close(fd);
	assert_int_equal(yamlio_load_file(path, &j, &d), -1);
	unlink(path);
	check_bad(&c, &d);
	model_diags_free(&d);
}

/* A multi-byte character cut off by the end of the data. */
static void test_truncated_utf8(void **state)
{
	static const char yaml[] = "key: cut\ntitle: \xe6\x9d";
	struct mot_diags d = { 0 };
	struct mot_journey j;
	const struct bad_case c = { "cut", 2, 8, "", "not UTF-8", 1 };

	(void)state;
	assert_int_equal(yamlio_load_buffer("cut", yaml, sizeof yaml - 1, &j,
					    &d), -1);
	check_bad(&c, &d);
	model_diags_free(&d);
}

/* The buffer need not end in NUL (ASan would see a read past it). */
static void test_buffer_without_nul(void **state)
{
	char *text = read_fixture("tests/data/good/minimal.yaml");
	size_t len = strlen(text);
	char *exact = xmalloc(len);
	struct mot_journey j;

	(void)state;
	memcpy(exact, text, len);
	load_buffer_ok(exact, len, &j);
	assert_string_equal(j.key, "minimal");
	model_journey_free(&j);
	free(exact);
	free(text);
}

/* A NUL byte inside the data is refused where it is. */
static void test_nul_byte(void **state)
{
	static const char yaml[] = "key: nul\ntitle: a\0b\n";
	struct mot_diags d = { 0 };
	struct mot_journey j;
	const struct bad_case c = { "nul", 2, 9, "",
		"control characters are not allowed (byte 0x00)", 1 };

	(void)state;
	assert_int_equal(yamlio_load_buffer("nul", yaml, sizeof yaml - 1, &j,
					    &d), -1);
	check_bad(&c, &d);
	model_diags_free(&d);
}

/* An installed locale that writes 0.5 as "0,5", or NULL. */
static const char *comma_locale(void)
{
	static const char *const names[] = {
		"de_DE.UTF-8", "de_DE.utf8", "nl_NL.UTF-8", "nl_NL.utf8",
		"fr_FR.UTF-8", "fr_FR.utf8",
	};
	char buf[8];

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (!setlocale(LC_NUMERIC, names[i]))
			continue;
		snprintf(buf, sizeof buf, "%g", 0.5);
		setlocale(LC_NUMERIC, "C");
		if (strcmp(buf, "0,5") == 0)
			return names[i];
	}
	return NULL;
}

/* Under a locale with a decimal comma the file means the same: numbers
 * are read and written in the C locale.  Where no such locale is
 * installed the test says so as a skip (.ci/deps generates de_DE and
 * nl_NL). */
static void test_comma_locale(void **state)
{
	const char *name = comma_locale();
	struct mot_journey j;
	char *out, *canonical;

	(void)state;
	if (!name)
		skip();
	assert_non_null(setlocale(LC_NUMERIC, name));
	load_ok("tests/data/good/rich.yaml", &j);
	out = write_str(&j, NULL);
	setlocale(LC_NUMERIC, "C");
	canonical = read_fixture("tests/data/good/rich.canonical.yaml");
	assert_same_number(j.touchpoints[0].drop, 0.2, "drop");
	assert_string_equal(out, canonical);
	free(canonical);
	free(out);
	model_journey_free(&j);
}

static void test_missing_file(void **state)
{
	struct mot_diags d = { 0 };
	struct mot_journey j;
	char *path = fixture("tests/data/no-such-file.yaml");

	(void)state;
	assert_int_equal(yamlio_load_file(path, &j, &d), -1);
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.items[0].line, 0);	/* no position to give */
	assert_non_null(strstr(d.items[0].message, "No such file"));
	model_diags_free(&d);
	free(path);
}

/* An error flood stops at YAMLIO_MAX_ERRORS. */
static void test_error_cap(void **state)
{
	struct mot_diags d = { 0 };
	struct mot_journey j;
	char *path = fixture("tests/data/bad/alias-bomb.yaml");

	(void)state;
	assert_int_equal(yamlio_load_file(path, &j, &d), -1);
	assert_int_equal(d.errors, YAMLIO_MAX_ERRORS);
	model_diags_free(&d);
	free(path);
}

/* All problems of a file at once, sorted by position. */
static void test_many_errors_in_file_order(void **state)
{
	struct mot_diags d = { 0 };
	struct mot_journey j;
	char *path = fixture("tests/data/bad/many-errors.yaml");
	static const struct { unsigned line; const char *path; } want[] = {
		{ 6, "touchpoints[0].stage" },
		{ 7, "touchpoints[0].emotion" },
		{ 9, "touchpoints[0].next[0].to" },
		{ 13, "personas[0].share" },
	};

	(void)state;
	assert_int_equal(yamlio_load_file(path, &j, &d), -1);
	assert_int_equal(d.n, 4);
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(d.items[i].line, want[i].line);
		assert_string_equal(d.items[i].path, want[i].path);
	}
	model_diags_free(&d);
	free(path);
}

/* mot validate: graph warnings are located too. */
static void test_validate_file(void **state)
{
	struct mot_diags d = { 0 };
	char *path = fixture("tests/data/good/unreachable.yaml");
	const struct mot_diag *g;

	(void)state;
	assert_int_equal(yamlio_validate_file(path, &d), 0);
	assert_int_equal(d.errors, 0);
	g = find_diag(&d, "no entry reaches 'island'");
	assert_non_null(g);
	assert_int_equal(g->severity, MOT_WARNING);
	assert_string_equal(g->path, "touchpoints[1]");
	assert_int_equal(g->line, 10);
	assert_int_equal(g->column, 5);
	for (size_t i = 0; i < d.n; i++)
		assert_true(d.items[i].line > 0);
	model_diags_free(&d);
	free(path);
	path = fixture("tests/data/bad/emotion-range.yaml");
	assert_int_equal(yamlio_validate_file(path, &d), -1);
	assert_true(d.errors > 0);
	model_diags_free(&d);
	free(path);
}

static void test_print_diags(void **state)
{
	struct mot_diags d = { 0 };
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);

	(void)state;
	model_diag_add(&d, MOT_ERROR, "touchpoints[3].emotion",
		       "4 is out of range");
	d.items[0].line = 12;
	d.items[0].column = 14;
	model_diag_add(&d, MOT_WARNING, "", "persona shares sum to 0.9");
	d.items[1].line = 1;
	d.items[1].column = 1;
	model_diag_add(&d, MOT_ERROR, "", "cannot read it");
	yamlio_print_diags(f, "j.yaml", &d);
	fclose(f);
	assert_string_equal(buf,
		"j.yaml:12:14: error: touchpoints[3].emotion: 4 is out of range\n"
		"j.yaml:1:1: warning: persona shares sum to 0.9\n"
		"j.yaml: error: cannot read it\n");
	free(buf);
	model_diags_free(&d);
}

#define BAD(f, l, c, p, frag, n) \
	{ "bad/" f, test_bad, NULL, NULL, \
	  &(struct bad_case){ "tests/data/bad/" f, l, c, p, frag, n } }

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_huge_buffer),
		cmocka_unit_test(test_huge_file),
		cmocka_unit_test(test_truncated_utf8),
		cmocka_unit_test(test_buffer_without_nul),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_error_cap),
		cmocka_unit_test(test_many_errors_in_file_order),
		cmocka_unit_test(test_validate_file),
		cmocka_unit_test(test_print_diags),
		/* file, line, column, path, message fragment, error count */
		BAD("syntax-colon.yaml", 2, 11, "",
		    "mapping values are not allowed", 1),
		BAD("syntax-tab.yaml", 4, 1, "touchpoints",
		    "found character that cannot start any token", 1),
		BAD("unknown-key.yaml", 14, 5, "touchpoints[1].emotions",
		    "unknown key 'emotions' (known keys here: key, name, stage", 1),
		BAD("type-string-emotion.yaml", 9, 14, "touchpoints[0].emotion",
		    "expected a whole number, got 'happy'", 1),
		BAD("type-quoted-number.yaml", 9, 11, "touchpoints[0].drop",
		    "expected a number, got the quoted text \"0.5\"", 1),
		BAD("type-list-for-mapping.yaml", 4, 5, "personas[0]",
		    "expected a mapping of keys to values, got a list", 1),
		BAD("type-mapping-for-text.yaml", 14, 12, "touchpoints[1].owner",
		    "expected text, got a mapping", 1),
		BAD("type-scalar-for-list.yaml", 14, 11, "touchpoints[1].next",
		    "expected a list, got 'a'", 1),
		BAD("type-bool.yaml", 9, 15, "touchpoints[0].critical",
		    "expected true or false, got 'maybe'", 1),
		BAD("emotion-range.yaml", 9, 14, "touchpoints[0].emotion",
		    "4 is out of range: must be -3 to +3", 1),
		BAD("emotion-float.yaml", 9, 14, "touchpoints[0].emotion",
		    "expected a whole number, got '1.5'", 1),
		BAD("drop-range.yaml", 14, 11, "touchpoints[1].drop",
		    "1.5 is out of range: must be at most 1", 1),
		BAD("share-range.yaml", 6, 12, "personas[0].share",
		    "-0.1 is out of range: must be at least 0", 1),
		BAD("patience-zero.yaml", 6, 15, "personas[0].patience",
		    "must be at least 1", 1),
		BAD("explore-bias-zero.yaml", 6, 19, "personas[0].explore_bias",
		    "must be greater than 0", 1),
		BAD("emotion-sensitivity-negative.yaml", 6, 26,
		    "personas[0].emotion_sensitivity", "must be at least 0", 1),
		BAD("dwell-negative.yaml", 9, 12, "touchpoints[0].dwell",
		    "-1 is out of range: must be at least 0", 1),
		BAD("number-overflow.yaml", 9, 12, "touchpoints[0].dwell",
		    "1e999 is out of range", 1),
		BAD("octal-int.yaml", 6, 15, "personas[0].patience",
		    "must not start with 0", 1),
		BAD("weight-zero.yaml", 11, 17, "touchpoints[0].next[0].weight",
		    "must be greater than 0", 1),
		BAD("entry-weight-negative.yaml", 5, 13, "entries[0].weight",
		    "must be greater than 0", 1),
		BAD("duplicate-touchpoint.yaml", 14, 10, "touchpoints[2].key",
		    "duplicate touchpoint key 'a'", 1),
		BAD("duplicate-persona.yaml", 6, 10, "personas[1].key",
		    "duplicate persona key 'p1'", 1),
		BAD("duplicate-transition.yaml", 11, 13,
		    "touchpoints[0].next[1].to", "duplicate transition to 'b'", 1),
		BAD("unknown-target.yaml", 10, 13, "touchpoints[0].next[0].to",
		    "no touchpoint 'nowhere'", 1),
		BAD("unknown-entry.yaml", 5, 9, "entries[1].to",
		    "no touchpoint 'elsewhere'", 1),
		BAD("unknown-stage.yaml", 13, 12, "touchpoints[1].stage",
		    "unknown stage 'mmot': must be one of lzmot, zmot, fmot, "
		    "smot, tmot", 1),
		BAD("unknown-phase.yaml", 9, 12, "touchpoints[0].phase",
		    "must be one of exposure, exploration, evaluation, "
		    "experience", 1),
		BAD("empty-name.yaml", 12, 11, "touchpoints[1].name",
		    "must not be empty", 1),
		BAD("empty-title.yaml", 2, 8, "title", "must not be empty", 1),
		BAD("null-name.yaml", 7, 11, "touchpoints[0].name",
		    "must not be empty", 1),
		BAD("bad-key.yaml", 1, 6, "key", "key 'Bad_Key' must be "
		    "lower-case", 1),
		BAD("bad-touchpoint-key.yaml", 11, 10, "touchpoints[1].key",
		    "key 'b b' must be lower-case", 1),
		BAD("not-utf8.yaml", 2, 11, "", "not UTF-8: byte 0xe9", 1),
		BAD("utf16.yaml", 1, 1, "", "not UTF-8: byte 0xff", 1),
		BAD("control-char.yaml", 2, 13, "",
		    "control characters are not allowed (byte 0x07)", 1),
		BAD("nul-in-text.yaml", 9, 12, "touchpoints[0].notes",
		    "must not contain NUL", 1),
		BAD("deep.yaml", 7, 25,
		    "touchpoints[0].notes[0][0][0][0][0][0][0][0][0][0][0][0][0]",
		    "nested deeper than 16 levels", 2),
		BAD("duplicate-yaml-key.yaml", 14, 5, "touchpoints[1].name",
		    "duplicate key 'name' (first on line 12)", 1),
		BAD("alias.yaml", 3, 14, "description",
		    "aliases (*t) are not allowed", 1),
		BAD("alias-bomb.yaml", 5, 10, "a1[0]",
		    "aliases (*a0) are not allowed", 0),
		BAD("missing-required.yaml", 11, 5, "touchpoints[1].stage",
		    "missing required key 'stage'", 1),
		BAD("missing-title.yaml", 1, 1, "title",
		    "missing required key 'title'", 1),
		BAD("two-documents.yaml", 14, 1, "", "a second document", 1),
		BAD("empty.yaml", 1, 1, "", "the file is empty", 1),
		BAD("null-document.yaml", 2, 1, "",
		    "expected a mapping of keys to values, got nothing", 1),
		BAD("root-list.yaml", 1, 1, "",
		    "expected a mapping of keys to values, got a list", 1),
		BAD("lanes-scalar-for-list.yaml", 10, 12, "touchpoints[0].pains",
		    "expected a list, got 'Reads the card in the dark'", 1),
		BAD("lanes-item-mapping.yaml", 11, 9, "touchpoints[0].pains[0]",
		    "expected text, got a mapping", 1),
		BAD("lanes-item-null.yaml", 11, 9,
		    "touchpoints[0].opportunities[0]", "must not be empty", 1),
		BAD("lanes-item-break.yaml", 12, 9, "touchpoints[0].evidence[1]",
		    "a line break (U+000A) is not allowed here", 1),
		BAD("lanes-too-many.yaml", 11, 7, "touchpoints[0].pains",
		    "33 items: at most 32", 1),
		BAD("lanes-control.yaml", 10, 15, "touchpoints[0].thinking",
		    "control character U+0007 is not allowed", 1),
		BAD("lanes-kpi-quoted.yaml", 12, 16, "touchpoints[0].kpis[0].value",
		    "expected a number, got the quoted text \"3.9\"", 1),
		BAD("lanes-kpi-missing-value.yaml", 11, 9,
		    "touchpoints[0].kpis[0].value", "missing required key 'value'",
		    1),
		BAD("lanes-kpi-target-range.yaml", 13, 17,
		    "touchpoints[0].kpis[0].target", "is out of range", 1),
		BAD("lanes-kpi-better.yaml", 13, 17,
		    "touchpoints[0].kpis[0].better",
		    "unknown value 'less': must be higher or lower", 1),
		BAD("lanes-kpi-unknown-key.yaml", 13, 9,
		    "touchpoints[0].kpis[0].goal", "unknown key 'goal' (known keys "
		    "here: name, value, target, unit, better)", 1),
		BAD("lanes-kpi-duplicate.yaml", 13, 15,
		    "touchpoints[0].kpis[1].name", "duplicate KPI 'CSAT'", 1),
		cmocka_unit_test(test_comma_locale),
	};

	return cmocka_run_group_tests_name("test_yamlio_bad", tests, NULL, NULL);
}
