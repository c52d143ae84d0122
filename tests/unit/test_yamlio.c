/*
 * test_yamlio.c - the journey file: round trips, the canonical form,
 * defaults, numbers, quoting and lanes.  The ways a file can be bad are in
 * test_yamlio_bad.c.  Fixtures are read relative to $MOT_TOP (the repo
 * root; tests run there).
 */
#include "test_yamlio_fixture.h"

/* --- round trips --------------------------------------------------------- */

/* Every field, in every style a person may type, reads as meant. */
static void test_rich_fields(void **state)
{
	struct mot_journey j;
	const struct mot_touchpoint *tp;

	(void)state;
	load_ok("tests/data/good/rich.yaml", &j);
	assert_string_equal(j.title, "Schadeclaim: één keer bellen – Grüße aus Köln");
	assert_string_equal(j.description, "Folded text that becomes one line.");
	assert_int_equal(j.n_personas, 3);
	assert_string_equal(j.personas[0].description,
			    "First accident, alone at night; says \"help!\"");
	assert_same_number(j.personas[0].emotion_sensitivity, 1.5, "sens");
	assert_string_equal(j.personas[1].name, "yes");
	assert_same_number(j.personas[1].explore_bias, 2.25, "bias");
	assert_same_number(j.personas[1].emotion_sensitivity, 0, "sens 0");
	assert_string_equal(j.personas[2].name, "  leading and trailing spaces  ");
	/* sorted by stage after the checks; the file had them mixed */
	assert_int_equal(j.n_touchpoints, 5);
	assert_string_equal(j.touchpoints[0].key, "tv-ad");
	assert_string_equal(j.touchpoints[1].key, "search");
	assert_string_equal(j.touchpoints[2].key, "emergency-line");
	assert_string_equal(j.touchpoints[3].key, "claim-paid");
	assert_string_equal(j.touchpoints[4].key, "review");
	tp = tp_by_key(&j, "tv-ad");
	assert_string_equal(tp->next[1].label,
			    "Ticket #42: 'quoted' & \"double\"");
	assert_same_number(tp->next[1].weight, 0.125, "weight");
	tp = tp_by_key(&j, "search");
	assert_string_equal(tp->name, "検索 (Google)");
	assert_string_equal(tp->channel, "web # search");
	assert_string_equal(tp->notes, "  starts with two spaces\tand a tab");
	assert_same_number(tp->drop, 1e-3, "drop");
	assert_false(tp->controlled);
	assert_int_equal(tp->emotion, -2);
	tp = tp_by_key(&j, "emergency-line");
	assert_true(tp->critical);	/* "on" */
	assert_true(tp->human);		/* "yes" */
	assert_string_equal(tp->notes, "  Indented first line\nthen less.");
	tp = tp_by_key(&j, "claim-paid");
	assert_string_equal(tp->name, "3");
	assert_true(tp->conversion);
	assert_same_number(tp->dwell, 1440.5, "dwell");
	assert_string_equal(tp->notes, "Line one: with a colon\n  indented line "
			    "# not a comment\n\nafter a blank line\n");
	assert_string_equal(tp->next[0].label, "null");
	assert_string_equal(tp_by_key(&j, "review")->notes,
			    "ends with a newline\n\n");
	model_journey_free(&j);
}

/* import -> export gives the canonical file; export -> import -> export
 * gives the same bytes and the same journey. */
static void test_rich_round_trip(void **state)
{
	struct mot_journey j;
	char *out, *canonical;

	(void)state;
	load_ok("tests/data/good/rich.yaml", &j);
	out = assert_round_trip(&j);
	canonical = read_fixture("tests/data/good/rich.canonical.yaml");
	assert_string_equal(out, canonical);
	/* UTF-8 as is, never escaped */
	assert_non_null(strstr(out, "één keer bellen – Grüße aus Köln"));
	assert_non_null(strstr(out, "name: 検索 (Google)\n"));
	assert_null(strstr(out, "\\u"));
	assert_null(strstr(out, "\\x"));
	free(canonical);
	free(out);
	model_journey_free(&j);
}

/* The canonical file reads back to itself. */
static void test_canonical_is_fixed_point(void **state)
{
	struct mot_journey j;
	char *out, *canonical;

	(void)state;
	load_ok("tests/data/good/rich.canonical.yaml", &j);
	out = write_str(&j, NULL);
	canonical = read_fixture("tests/data/good/rich.canonical.yaml");
	assert_string_equal(out, canonical);
	free(canonical);
	free(out);
	model_journey_free(&j);
}

/* The journeys mot ships with survive a round trip. */
static void test_sample_journeys(void **state)
{
	char *dir = fixture("journeys");
	DIR *d = opendir(dir);
	struct dirent *e;
	int seen = 0;

	(void)state;
	assert_non_null(d);
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		struct mot_journey j;
		char *rel;

		if (n < 6 || strcmp(e->d_name + n - 5, ".yaml") != 0)
			continue;
		rel = xasprintf("journeys/%s", e->d_name);
		load_ok(rel, &j);
		free(assert_round_trip(&j));
		model_journey_free(&j);
		free(rel);
		seen++;
	}
	closedir(d);
	free(dir);
	assert_true(seen > 0);
}

/* --- defaults ------------------------------------------------------------ */

static void test_defaults(void **state)
{
	struct mot_journey j;
	const struct mot_touchpoint *tp;
	const struct mot_persona *p;
	char *out, *file;

	(void)state;
	load_ok("tests/data/good/minimal.yaml", &j);
	assert_null(j.description);
	p = &j.personas[0];
	assert_null(p->description);
	assert_same_number(p->share, MOT_DEFAULT_SHARE, "share");
	assert_int_equal(p->patience, MOT_DEFAULT_PATIENCE);
	assert_same_number(p->explore_bias, MOT_DEFAULT_EXPLORE_BIAS, "bias");
	assert_same_number(p->emotion_sensitivity,
			   MOT_DEFAULT_EMOTION_SENSITIVITY, "sensitivity");
	assert_same_number(j.entries[0].weight, MOT_DEFAULT_WEIGHT, "entry");
	tp = &j.touchpoints[0];
	assert_int_equal(tp->stage, MOT_STAGE_FMOT);
	assert_int_equal(tp->phase, MOT_PHASE_NONE);
	assert_null(tp->channel);
	assert_null(tp->owner);
	assert_null(tp->notes);
	assert_true(tp->controlled);
	assert_int_equal(tp->emotion, 0);
	assert_false(tp->critical);
	assert_false(tp->human);
	assert_false(tp->conversion);
	assert_same_number(tp->dwell, 0, "dwell");
	assert_same_number(tp->drop, 0, "drop");
	assert_same_number(tp->next[0].weight, MOT_DEFAULT_WEIGHT, "weight");
	assert_null(tp->next[0].label);
	/* and defaults are left out again when writing */
	out = write_str(&j, NULL);
	file = read_fixture("tests/data/good/minimal.yaml");
	assert_string_equal(out, file);
	free(file);
	free(out);
	model_journey_free(&j);
}

/* Explicit nulls and empty text are absent text, not the word "null". */
static void test_null_text_is_absent(void **state)
{
	static const char yaml[] =
		"key: nulls\ntitle: Nulls\ndescription: ~\n"
		"touchpoints:\n  - key: a\n    name: A\n    stage: zmot\n"
		"    channel: null\n    owner:\n    notes: ''\n"
		"    phase: none\n";
	struct mot_journey j;

	(void)state;
	load_buffer_ok(yaml, sizeof yaml - 1, &j);
	assert_null(j.description);
	assert_null(j.touchpoints[0].channel);
	assert_null(j.touchpoints[0].owner);
	assert_null(j.touchpoints[0].notes);
	assert_int_equal(j.touchpoints[0].phase, MOT_PHASE_NONE);
	model_journey_free(&j);
}

/* --- writing ------------------------------------------------------------- */

static void add_touchpoint(struct mot_journey *j, const char *key,
			   const char *name)
{
	struct mot_touchpoint *tp;

	j->touchpoints = xrealloc(j->touchpoints,
				  (j->n_touchpoints + 1) * sizeof *tp);
	tp = &j->touchpoints[j->n_touchpoints++];
	model_touchpoint_init(tp);
	tp->key = xstrdup(key);
	tp->name = xstrdup(name);
	tp->stage = MOT_STAGE_ZMOT;
}

static void add_next(struct mot_touchpoint *tp, const char *to, double w)
{
	tp->next = xrealloc(tp->next, (tp->n_next + 1) * sizeof *tp->next);
	memset(&tp->next[tp->n_next], 0, sizeof *tp->next);
	tp->next[tp->n_next].to = xstrdup(to);
	tp->next[tp->n_next].weight = w;
	tp->n_next++;
}

static void make_journey(struct mot_journey *j)
{
	model_journey_init(j);
	j->key = xstrdup("numbers");
	j->title = xstrdup("Numbers");
}

/* Numbers as a person types them, and exactly the same double back. */
static void test_number_format(void **state)
{
	static const double weights[] = {
		3, 0.15, 0.1 + 0.2, 1e-9, 2e11, 123456.789, 2.5, 1.0 / 3,
	};
	static const char *const lines[] = {
		"weight: 3\n", "weight: 0.15\n", "weight: 0.30000000000000004\n",
		"weight: 1e-09\n", "weight: 200000000000\n", "weight: 123456.789\n",
		"weight: 2.5\n", "weight: 0.3333333333333333\n",
		"dwell: 2.5\n", "drop: 0.15\n", "emotion: -2\n",
		"share: 0.7\n", "patience: 7\n", "explore_bias: 0.25\n",
	};
	struct mot_journey j;
	struct mot_persona *p;
	char *out, key[8];

	(void)state;
	make_journey(&j);
	for (size_t i = 0; i < sizeof weights / sizeof weights[0]; i++) {
		snprintf(key, sizeof key, "t%zu", i);
		add_touchpoint(&j, key, key);
	}
	for (size_t i = 0; i < sizeof weights / sizeof weights[0]; i++) {
		snprintf(key, sizeof key, "t%zu", (i + 1) % j.n_touchpoints);
		add_next(&j.touchpoints[i], key, weights[i]);
	}
	j.touchpoints[0].dwell = 2.5;
	j.touchpoints[0].drop = 0.15;
	j.touchpoints[0].emotion = -2;
	j.personas = xcalloc(1, sizeof *j.personas);
	j.n_personas = 1;
	p = &j.personas[0];
	model_persona_init(p);
	p->key = xstrdup("p");
	p->name = xstrdup("P");
	p->share = 0.7;
	p->patience = 7;
	p->explore_bias = 0.25;
	out = assert_round_trip(&j);
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
		if (!strstr(out, lines[i]))
			fail_msg("no \"%.*s\" in:\n%s", (int)strlen(lines[i]) - 1,
				 lines[i], out);
	assert_null(strstr(out, "e+00"));
	assert_null(strstr(out, ".0000"));	/* no "%.16e" style */
	assert_null(strstr(out, "e-01"));
	assert_null(strstr(out, "weight: 1\n"));	/* the default */
	free(out);
	model_journey_free(&j);
}

/* Text that needs quoting or a block style reads back identically. */
/* Text that needs quoting comes back as it went out.  (CR, NEL, U+2028
 * and control characters are not journey text at all: model_text_ok.) */
static void test_quoting(void **state)
{
	static const char *const texts[] = {
		"yes", "No", "true", "FALSE", "on", "y", "null", "~", "=",
		"3", "-1.5", ".5", "+7", ".inf", "-.Inf", ".NaN", "0x1F", "0o17",
		"1_000", "12:30", "2024-01-02", "2024-01-02 10:00:00",
		"3D printer", "24/7 hotline", "21, insured",
		" leading", "trailing ", "  both  ", "a: b", "a:b", "a #b",
		"a#b", "#start", "- dash", "-", "? q", "[x]", "{y}", "&anchor",
		"*alias", "!tag", "%pct", "@at", "`tick", "'single'",
		"\"double\"", "it's", "back\\slash", "tab\there",
		"line1\nline2", "ends\n", "two\n\n", "\nstarts with newline",
		"  indented\nblock", "trailing space \nnext", "Zürich – één – 東京",
		"emoji 😀", "nbsp\u00a0here",
		"bom\ufeffx", ",comma", "|pipe", ">gt", "...", "---", "--- x",
		"\\n not a newline",
	};
	size_t n = sizeof texts / sizeof texts[0];
	struct mot_journey j;
	char *out, key[8];

	(void)state;
	make_journey(&j);
	for (size_t i = 0; i < n; i++) {
		snprintf(key, sizeof key, "t%zu", i);
		add_touchpoint(&j, key, texts[i]);
		j.touchpoints[i].notes = xstrdup(texts[i]);
		j.touchpoints[i].channel = xstrdup(texts[i]);
	}
	out = assert_round_trip(&j);
	assert_non_null(strstr(out, "name: 'yes'\n"));
	assert_non_null(strstr(out, "name: '3'\n"));
	assert_non_null(strstr(out, "name: 'null'\n"));
	assert_non_null(strstr(out, "name: '2024-01-02'\n"));
	assert_non_null(strstr(out, "name: 24/7 hotline\n"));
	assert_non_null(strstr(out, "name: ' leading'\n"));
	assert_non_null(strstr(out, "name: Zürich – één – 東京\n"));
	assert_non_null(strstr(out, "notes: |-\n    line1\n    line2\n"));
	free(out);
	model_journey_free(&j);
}

/* An empty optional field is left out; required ones are always there. */
static void test_write_minimal_fields(void **state)
{
	struct mot_journey j;
	char *out;

	(void)state;
	make_journey(&j);
	j.description = xstrdup("");
	add_touchpoint(&j, "a", "A");
	j.touchpoints[0].stage = MOT_STAGE_TMOT;
	j.touchpoints[0].controlled = false;
	out = write_str(&j, NULL);
	assert_string_equal(out, "key: numbers\ntitle: Numbers\ntouchpoints:\n"
			    "- key: a\n  name: A\n  stage: tmot\n"
			    "  controlled: false\n");
	free(out);
	model_journey_free(&j);
}

/* A write error is reported, not ignored: here the stream is read-only. */
static void test_write_error(void **state)
{
	struct mot_journey j;
	char *path = fixture("tests/data/good/minimal.yaml");
	FILE *f = fopen(path, "r");

	(void)state;
	assert_non_null(f);
	make_journey(&j);
	add_touchpoint(&j, "a", "A");
	assert_int_equal(yamlio_write(f, &j), -1);
	fclose(f);
	free(path);
	model_journey_free(&j);
}


/* --- lanes --------------------------------------------------------------- */

/* Every lane reads as meant, in every style. */
static void test_lanes_fields(void **state)
{
	struct mot_journey j;
	const struct mot_touchpoint *tp;

	(void)state;
	load_ok("tests/data/good/lanes.yaml", &j);
	tp = tp_by_key(&j, "call");
	assert_string_equal(tp->notes, "Kept beside the lanes.");
	assert_string_equal(tp->thinking, "Am I even covered for this?\n"
			    "\"Quotes\", <b>&amp;</b>, a: b # c; d | e\n");
	assert_int_equal(tp->pains.n, 6);
	assert_string_equal(tp->pains.items[1],
			    "Said \"wait\" <twice> & hung up: #3; a|b");
	assert_string_equal(tp->pains.items[2], "yes");
	assert_string_equal(tp->pains.items[3], "12:30");
	assert_string_equal(tp->pains.items[4], "検索できない 🚗");
	assert_string_equal(tp->pains.items[5], "  leading spaces");
	assert_int_equal(tp->opportunities.n, 2);
	assert_string_equal(tp->opportunities.items[1], "- not a list");
	assert_string_equal(tp->backstage, "Claims desk opens the file in the "
			    "policy system; a tow partner is dispatched");
	assert_int_equal(tp->evidence.n, 2);
	assert_int_equal(tp->n_kpis, 4);
	assert_string_equal(tp->kpis[0].name, "CSAT");
	assert_same_number(tp->kpis[0].value, 3.9, "value");
	assert_true(tp->kpis[0].has_target);
	assert_same_number(tp->kpis[0].target, 4.5, "target");
	assert_string_equal(tp->kpis[0].unit, "of 5");
	assert_false(tp->kpis[0].lower_better);
	assert_true(model_kpi_missed(&tp->kpis[0]));
	assert_true(tp->kpis[1].lower_better);
	assert_true(model_kpi_missed(&tp->kpis[1]));	/* 95 s > 60 s */
	assert_same_number(tp->kpis[2].value, -12, "nps");
	assert_false(tp->kpis[2].has_target);
	assert_null(tp->kpis[2].unit);
	assert_string_equal(tp->kpis[3].name, "Calls | 24/7 <all>");
	assert_same_number(tp->kpis[3].target, 1000, "1e3");
	assert_false(tp->kpis[3].lower_better);	/* "higher", said outright */
	/* empty lanes are absent lanes */
	tp = tp_by_key(&j, "empty-lanes");
	for (int l = 0; l < MOT_LANE_COUNT; l++)
		assert_false(model_lane_filled(tp, l));
	assert_null(tp->thinking);
	assert_null(tp->backstage);
	model_journey_free(&j);
}

static void test_lanes_round_trip(void **state)
{
	struct mot_journey j;
	char *out, *canonical;

	(void)state;
	load_ok("tests/data/good/lanes.yaml", &j);
	out = assert_round_trip(&j);
	canonical = read_fixture("tests/data/good/lanes.canonical.yaml");
	assert_string_equal(out, canonical);
	free(out);
	model_journey_free(&j);
	load_ok("tests/data/good/lanes.canonical.yaml", &j);
	out = write_str(&j, NULL);
	assert_string_equal(out, canonical);
	free(out);
	free(canonical);
	model_journey_free(&j);
}

/* Text no writer should trip over, in every lane. */
static const char *const hostile[] = {
	"\"double\" and 'single' quotes", "<script>&amp;</script>",
	": # ; | :#;|", "a: b", "# not a comment", "- not an item",
	"? not a key", "[1, 2]", "{a: b}", "&anchor", "*alias", "!tag",
	"%directive", "@at", "`tick`", "yes", "No", "~", "null", "3",
	"-0.5", ".inf", "0x1f", "2024-03-01", "12:30", "検索 顧客の声",
	"emoji 🚗💥 end", "trailing space ", " leading space", "\\ back\\slash",
	"=SUM(1+1)", "+31 20 123", "\"", "'", "|", ">", "-", "?", ":",
	"a  b", "\xc2\xa0nbsp", "zero\xe2\x80\x8bwidth",
};

/* Multi-line lanes take line breaks and tabs too. */
static const char *const hostile_multi[] = {
	"line one\nline two", "ends with a break\n", "two breaks\n\n",
	"\nstarts with a break", "  indented\nfirst", "tab\tinside",
	"a: b\n- c\n# d", "\n", " \n ", "trailing \nspaces \n",
	"検索\n🚗\n<&>", "|\n>", "last line ",
};

static void add_hostile_lanes(struct mot_touchpoint *tp, size_t seed)
{
	size_t n = sizeof hostile / sizeof hostile[0];
	size_t m = sizeof hostile_multi / sizeof hostile_multi[0];
	struct mot_kpi k;

	tp->thinking = xstrdup(hostile_multi[seed % m]);
	tp->backstage = xstrdup(seed % 2 ? hostile[seed % n] :
				hostile_multi[(seed + 3) % m]);
	for (size_t i = 0; i < 3; i++) {
		model_list_add(&tp->pains, hostile[(seed + i) % n]);
		model_list_add(&tp->opportunities, hostile[(seed + 7 + i) % n]);
		model_list_add(&tp->evidence, hostile[(seed + 17 + i) % n]);
	}
	model_kpi_init(&k);
	k.name = xstrdup(hostile[(seed + 5) % n]);
	k.value = -0.1 * (double)seed;
	k.has_target = seed % 3 != 0;
	k.target = 1e-3 * (double)seed;
	k.unit = seed % 4 ? xstrdup(hostile[(seed + 11) % n]) : NULL;
	k.lower_better = seed % 2;
	model_kpi_add(tp, &k);
	model_kpi_free(&k);
}

static void test_lanes_hostile(void **state)
{
	size_t n = sizeof hostile / sizeof hostile[0];
	struct mot_journey j;
	struct mot_diags d = { 0 };
	char key[16];

	(void)state;
	make_journey(&j);
	for (size_t i = 0; i < n; i++) {
		snprintf(key, sizeof key, "t%zu", i);
		add_touchpoint(&j, key, "T");
		add_hostile_lanes(&j.touchpoints[i], i);
	}
	model_validate_fields(&j, &d);
	for (size_t i = 0; i < d.n; i++)
		print_message("%s: %s\n", d.items[i].path, d.items[i].message);
	assert_int_equal(d.errors, 0);
	free(assert_round_trip(&j));
	model_diags_free(&d);
	model_journey_free(&j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rich_fields),
		cmocka_unit_test(test_rich_round_trip),
		cmocka_unit_test(test_lanes_fields),
		cmocka_unit_test(test_lanes_round_trip),
		cmocka_unit_test(test_lanes_hostile),
		cmocka_unit_test(test_canonical_is_fixed_point),
		cmocka_unit_test(test_sample_journeys),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_null_text_is_absent),
		cmocka_unit_test(test_number_format),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_write_minimal_fields),
		cmocka_unit_test(test_write_error),
	};

	return cmocka_run_group_tests_name("test_yamlio", tests, NULL, NULL);
}
