/*
 * test_log.c - event logs (src/log/, model_log.c): times, CSV and XES
 * read into cases in time order, bad rows with their lines, mapping
 * activities to touchpoints, the stored form, the comparison with the
 * design and the fit with its prior.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "log.h"
#include "model.h"
#include "model_log.h"
#include "util.h"

/* --- helpers ----------------------------------------------------------- */

static int64_t t_ms(const char *s)
{
	int64_t ms = 0;

	assert_int_equal(log_time_parse(s, strlen(s), &ms), 0);
	return ms;
}

static bool t_bad(const char *s)
{
	int64_t ms;

	return log_time_parse(s, strlen(s), &ms) != 0;
}

static int read_csv(const char *text, struct mot_log *l, struct mot_diags *d)
{
	struct log_read_options o;

	log_read_options_init(&o);
	o.format = LOG_FMT_CSV;
	return log_read_buffer("t.csv", text, strlen(text), &o, l, d);
}

static int read_xes(const char *text, struct mot_log *l, struct mot_diags *d)
{
	struct log_read_options o;

	log_read_options_init(&o);
	o.format = LOG_FMT_XES;
	return log_read_buffer("t.xes", text, strlen(text), &o, l, d);
}

/* The case as "act,act,..." (activity names in order). */
static char *case_path(const struct mot_log *l, size_t c)
{
	struct strbuf b;

	strbuf_init(&b);
	strbuf_puts(&b, "");
	for (size_t e = l->cases[c].first; e < l->cases[c].first + l->cases[c].n;
	     e++)
		strbuf_printf(&b, "%s%s", e > l->cases[c].first ? "," : "",
			      l->activities[l->act[e]].name);
	return strbuf_detach(&b);
}

static void assert_case(const struct mot_log *l, size_t c, const char *id,
			const char *path)
{
	char *p = case_path(l, c);

	assert_string_equal(model_log_case_id(l, c), id);
	assert_string_equal(p, path);
	free(p);
}

/* Whether some diagnostic is on `line` and holds `text`. */
static bool has_diag(const struct mot_diags *d, unsigned line, const char *text)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].line == line && strstr(d->items[i].message, text))
			return true;
	return false;
}

/* A journey: a (entry) -> b, a -> c, b -> c, c converts and goes to d. */
static void make_journey(struct mot_journey *j)
{
	static const char *const keys[] = { "a", "b", "c", "d" };
	static const char *const names[] = { "Advert", "Browse", "Checkout",
					     "Advert" };

	model_journey_init(j);
	j->key = xstrdup("j");
	j->title = xstrdup("J");
	j->n_touchpoints = 4;
	j->touchpoints = xcalloc(4, sizeof *j->touchpoints);
	for (size_t i = 0; i < 4; i++) {
		model_touchpoint_init(&j->touchpoints[i]);
		j->touchpoints[i].key = xstrdup(keys[i]);
		j->touchpoints[i].name = xstrdup(names[i]);
	}
	j->touchpoints[0].drop = 0.2;
	j->touchpoints[1].drop = 0.5;
	j->touchpoints[2].conversion = true;
	j->touchpoints[2].drop = 0.1;
	j->touchpoints[0].next = xcalloc(2, sizeof(struct mot_transition));
	j->touchpoints[0].n_next = 2;
	j->touchpoints[0].next[0] = (struct mot_transition){ xstrdup("b"), 3, NULL, 0 };
	j->touchpoints[0].next[1] = (struct mot_transition){ xstrdup("c"), 1, NULL, 0 };
	j->touchpoints[1].next = xcalloc(1, sizeof(struct mot_transition));
	j->touchpoints[1].n_next = 1;
	j->touchpoints[1].next[0] = (struct mot_transition){ xstrdup("c"), 1, NULL, 0 };
	j->touchpoints[2].next = xcalloc(1, sizeof(struct mot_transition));
	j->touchpoints[2].n_next = 1;
	j->touchpoints[2].next[0] = (struct mot_transition){ xstrdup("d"), 1, NULL, 0 };
	j->n_entries = 1;
	j->entries = xcalloc(1, sizeof *j->entries);
	j->entries[0] = (struct mot_entry){ xstrdup("a"), 1 };
}

/* A log read from CSV and mapped to make_journey()'s touchpoints by key. */
static void mapped_log(const char *csv, struct mot_journey *j, struct mot_log *l)
{
	struct mot_diags d = { 0 };
	struct log_map_report r;

	make_journey(j);
	assert_int_equal(read_csv(csv, l, &d), 0);
	assert_int_equal(log_map(l, j, NULL, 0, &r, &d), 0);
	log_map_report_free(&r);
	model_diags_free(&d);
}

/* --- times ------------------------------------------------------------- */

static void test_time_iso(void **state)
{
	char buf[40];

	(void)state;
	assert_true(t_ms("1970-01-01T00:00:00Z") == 0);
	assert_true(t_ms("2026-01-01T00:00:00Z") == 1767225600000LL);
	assert_true(t_ms("2026-01-01T00:00:00") == 1767225600000LL);
	assert_true(t_ms("2026-01-01 00:00:00") == 1767225600000LL);
	assert_true(t_ms("2026-01-01") == 1767225600000LL);
	assert_true(t_ms("2026-01-01T01:30") == 1767225600000LL + 5400000);
	/* zones: local time minus the offset */
	assert_true(t_ms("2026-01-01T01:00:00+01:00") == 1767225600000LL);
	assert_true(t_ms("2026-01-01T01:00:00+0100") == 1767225600000LL);
	assert_true(t_ms("2026-01-01T01:00:00+01") == 1767225600000LL);
	assert_true(t_ms("2025-12-31T19:00:00-05:00") == 1767225600000LL);
	assert_true(t_ms("2026-01-01T00:00:00.25Z") == 1767225600250LL);
	assert_true(t_ms("2026-01-01T00:00:00,123456Z") == 1767225600123LL);
	assert_true(t_ms("  2024-02-29T12:00:00Z ") == 1709208000000LL);
	assert_true(t_ms("1969-12-31T23:59:59Z") == -1000);
	assert_string_equal(log_time_format(1767225600250LL, buf, sizeof buf),
			    "2026-01-01T00:00:00.250Z");
	assert_string_equal(log_time_format(-1000, buf, sizeof buf),
			    "1969-12-31T23:59:59.000Z");
}

static void test_time_epoch(void **state)
{
	(void)state;
	assert_true(t_ms("0") == 0);
	assert_true(t_ms("1767225600") == 1767225600000LL);
	assert_true(t_ms("1767225600.5") == 1767225600500LL);
	assert_true(t_ms("-60") == -60000);
}

static void test_time_bad(void **state)
{
	static const char *const bad[] = {
		"", " ", "yesterday", "2026-13-01", "2026-02-30", "2025-02-29",
		"2026-01-01T24:00:00", "2026-01-01T12:60", "2026-01-01T12",
		"2026-01-01T12:00:00+25:00", "2026-01-01T12:00:00 CET",
		"2026-1-1", "12:00", "1e9", "1767225600.", "0x10", "--1",
		"2026-01-01T12:00:00.Z",
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (!t_bad(bad[i]))
			fail_msg("'%s' was read as a time", bad[i]);
	}
}

/* --- CSV --------------------------------------------------------------- */

/* Rows out of order: each case's events by time, ties in the file's
 * order, cases by their first event, then by first appearance. */
static void test_csv_order(void **state)
{
	const char *csv =
		"activity,timestamp,case_id\n"
		"c,2026-01-01T00:05:00Z,k2\n"
		"b,2026-01-01T00:03:00Z,k1\n"
		"x,2026-01-01T00:01:00Z,k3\n"
		"a,2026-01-01T00:01:00Z,k1\n"
		"b,2026-01-01T00:04:00Z,k2\n"
		"y,2026-01-01T00:01:00Z,k3\n"
		"z,2026-01-01T00:00:30+00:00,k3\n"
		"a,2026-01-01T00:02:00Z,k2\n";
	struct mot_diags d = { 0 };
	struct mot_log l;

	(void)state;
	assert_int_equal(read_csv(csv, &l, &d), 0);
	assert_int_equal(l.n_cases, 3);
	assert_int_equal(l.n_events, 8);
	assert_case(&l, 0, "k3", "z,x,y");
	assert_case(&l, 1, "k1", "a,b");
	assert_case(&l, 2, "k2", "a,b,c");
	assert_true(l.time[l.cases[0].first] == t_ms("2026-01-01T00:00:30Z"));
	model_log_free(&l);
	model_diags_free(&d);
}

/* Quoting, CRLF, a byte order mark, blank lines, extra columns, column
 * names in another case, semicolons. */
static void test_csv_shapes(void **state)
{
	const char *csv =
		"\xef\xbb\xbf" "Case_ID,Activity,Timestamp,note\r\n"
		"1,\"Look, \"\"compare\"\"\nprices\",1767225600,\"a;b\"\r\n"
		"\r\n"
		"1,Buy,1767225660,\r\n";
	const char *semi = "case_id;activity;timestamp\n7;Café;2026-01-01\n";
	struct mot_diags d = { 0 };
	struct mot_log l;

	(void)state;
	assert_int_equal(read_csv(csv, &l, &d), 0);
	assert_int_equal(l.n_events, 2);
	assert_case(&l, 0, "1", "Look, \"compare\"\nprices,Buy");
	model_log_free(&l);
	assert_int_equal(read_csv(semi, &l, &d), 0);
	assert_case(&l, 0, "7", "Café");
	model_log_free(&l);
	assert_int_equal(d.n, 0);
	model_diags_free(&d);
}

/* PM4Py's column names when the defaults are not there; --case and
 * friends name others. */
static void test_csv_columns(void **state)
{
	const char *pm4py = "case:concept:name,concept:name,time:timestamp\n"
			    "c1,A,2026-01-01T00:00:00Z\n";
	const char *own = "who,what,when\nc1,A,2026-01-01T00:00:00Z\n";
	struct log_read_options o;
	struct mot_diags d = { 0 };
	struct mot_log l;

	(void)state;
	assert_int_equal(read_csv(pm4py, &l, &d), 0);
	assert_case(&l, 0, "c1", "A");
	model_log_free(&l);
	assert_int_equal(read_csv(own, &l, &d), -1);
	assert_true(has_diag(&d, 1, "no column 'case_id'"));
	assert_true(has_diag(&d, 1, "who, what, when"));
	model_diags_free(&d);
	log_read_options_init(&o);
	o.case_key = "who";
	o.activity_key = "what";
	o.time_key = "when";
	memset(&d, 0, sizeof d);
	assert_int_equal(log_read_buffer("own.csv", own, strlen(own), &o, &l, &d),
			 0);
	assert_case(&l, 0, "c1", "A");
	model_log_free(&l);
	model_diags_free(&d);
}

/* Every bad row is reported with its line (a quoted line break moves the
 * count on), and nothing is read. */
static void test_csv_bad_rows(void **state)
{
	const char *csv =
		"case_id,activity,timestamp\n"               /* 1 */
		"1,A,2026-01-01T00:00:00Z\n"                 /* 2 */
		"1,\"two\nlines\",2026-01-01T00:01:00Z\n"    /* 3-4 */
		"2,B,tomorrow\n"                             /* 5 */
		",B,2026-01-01T00:00:00Z\n"                  /* 6 */
		"3,,2026-01-01T00:00:00Z\n"                  /* 7 */
		"4,B\n"                                      /* 8 */
		"5,\"B\"x,2026-01-01T00:00:00Z\n"            /* 9 */
		"6,\xff,2026-01-01T00:00:00Z\n"              /* 10 */
		"7,C,2026-02-30\n";                          /* 11 */
	struct mot_diags d = { 0 };
	struct mot_log l;

	(void)state;
	assert_int_equal(read_csv(csv, &l, &d), -1);
	assert_int_equal(l.n_events, 0);
	assert_null(l.cases);
	assert_true(has_diag(&d, 5, "'tomorrow' is no time"));
	assert_true(has_diag(&d, 6, "no case id"));
	assert_true(has_diag(&d, 7, "no activity"));
	assert_true(has_diag(&d, 8, "2 fields where the header has 3"));
	assert_true(has_diag(&d, 9, "text after a closing quote"));
	assert_true(has_diag(&d, 10, "not UTF-8"));
	assert_true(has_diag(&d, 11, "'2026-02-30' is no time"));
	assert_int_equal(d.errors, 7);
	model_diags_free(&d);
}

static void test_csv_unclosed_and_empty(void **state)
{
	struct mot_diags d = { 0 };
	struct mot_log l;

	(void)state;
	assert_int_equal(read_csv("case_id,activity,timestamp\n"
				  "1,\"A,2026-01-01\n2,B,2026-01-01\n", &l, &d), -1);
	assert_true(has_diag(&d, 2, "not closed"));
	model_diags_free(&d);
	memset(&d, 0, sizeof d);
	assert_int_equal(read_csv("", &l, &d), -1);
	assert_true(has_diag(&d, 0, "empty"));
	model_diags_free(&d);
	memset(&d, 0, sizeof d);
	assert_int_equal(read_csv("case_id,activity,timestamp\n", &l, &d), -1);
	assert_true(has_diag(&d, 0, "no events"));
	model_diags_free(&d);
}

/* A file full of bad rows is reported with LOG_MAX_ERRORS of them and a
 * count of the rest. */
static void test_csv_many_errors(void **state)
{
	struct strbuf b;
	struct mot_diags d = { 0 };
	struct mot_log l;

	(void)state;
	strbuf_init(&b);
	strbuf_puts(&b, "case_id,activity,timestamp\n");
	for (int i = 0; i < 100; i++)
		strbuf_printf(&b, "%d,A,never\n", i);
	assert_int_equal(read_csv(b.s, &l, &d), -1);
	assert_int_equal(d.n, LOG_MAX_ERRORS + 1);
	assert_true(has_diag(&d, 0, "and 80 more errors"));
	strbuf_free(&b);
	model_diags_free(&d);
}

/* --- XES --------------------------------------------------------------- */

static const char xes_head[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<log xes.version=\"1.0\" xmlns=\"http://www.xes-standard.org/\">\n";

static void test_xes_read(void **state)
{
	struct strbuf b;
	struct mot_diags d = { 0 };
	struct mot_log l;

	(void)state;
	strbuf_init(&b);
	strbuf_puts(&b, xes_head);
	strbuf_puts(&b,
		"<string key=\"concept:name\" value=\"the log\"/>\n"
		"<trace>\n"
		" <event><string key=\"concept:name\" value=\"B &amp; co\"/>"
		"<date key=\"time:timestamp\" value=\"2026-01-01T00:02:00.000+00:00\"/></event>\n"
		" <string key=\"concept:name\" value=\"c1\"/>\n"
		" <event><string key=\"concept:name\" value=\"A\"/>"
		"<string key=\"lifecycle:transition\" value=\"start\"/>"
		"<date key=\"time:timestamp\" value=\"2026-01-01T00:00:00.000+00:00\"/></event>\n"
		" <event><string key=\"concept:name\" value=\"A\"/>"
		"<string key=\"lifecycle:transition\" value=\"complete\"/>"
		"<list key=\"x\"><string key=\"concept:name\" value=\"nested\"/></list>"
		"<date key=\"time:timestamp\" value=\"2026-01-01T01:01:00.000+01:00\"/></event>\n"
		"</trace>\n"
		"<trace><string key=\"concept:name\" value=\"c0\"/>"
		"<event><string key=\"concept:name\" value=\"Caf\xc3\xa9\"/>"
		"<date key=\"time:timestamp\" value=\"2025-12-31T23:00:00Z\"/></event></trace>\n"
		"<trace><string key=\"concept:name\" value=\"empty\"/></trace>\n"
		"</log>\n");
	assert_int_equal(read_xes(b.s, &l, &d), 0);
	assert_int_equal(l.n_cases, 2);
	assert_int_equal(l.n_events, 3);
	assert_case(&l, 0, "c0", "Café");
	/* the start event is skipped, the nested attribute ignored */
	assert_case(&l, 1, "c1", "A,B & co");
	model_log_free(&l);
	strbuf_free(&b);
	model_diags_free(&d);
}

/* Escapes come back as the text they stand for ("&#38;" as written, too),
 * in a case id and an activity alike; an entity of a DTD is never loaded
 * (no file, no network) but refused with its line. */
static void test_xes_escapes(void **state)
{
	struct strbuf b;
	struct mot_diags d = { 0 };
	struct mot_log l;

	(void)state;
	strbuf_init(&b);
	strbuf_puts(&b, xes_head);
	strbuf_puts(&b,
		"<trace><string key=\"concept:name\" value=\"&lt;&amp;&#38;&gt;\"/>"
		"<event><string key=\"concept:name\" value=\"&amp;#38; &#x263A; &quot;&apos;&amp;\"/>"
		"<date key=\"time:timestamp\" value=\"2026-01-01\"/></event></trace>\n"
		"</log>\n");
	assert_int_equal(read_xes(b.s, &l, &d), 0);
	assert_case(&l, 0, "<&&>", "&#38; \xe2\x98\xba \"'&");
	model_log_free(&l);
	strbuf_free(&b);
	model_diags_free(&d);
	memset(&d, 0, sizeof d);
	strbuf_init(&b);
	strbuf_puts(&b, "<?xml version=\"1.0\"?>\n"                  /* 1 */
		    "<!DOCTYPE log [<!ENTITY x SYSTEM \"/etc/hostname\">]>\n" /* 2 */
		    "<log><trace><string key=\"concept:name\" value=\"c\"/>\n" /* 3 */
		    "<event><string key=\"concept:name\" value=\"&x;\"/>\n"   /* 4 */
		    "<date key=\"time:timestamp\" value=\"2026-01-01\"/></event></trace></log>\n");
	assert_int_equal(read_xes(b.s, &l, &d), -1);
	assert_true(d.n > 0 && d.items[0].line == 4);
	assert_non_null(strstr(d.items[0].message, "XML"));
	strbuf_free(&b);
	model_diags_free(&d);
}

static void test_xes_bad(void **state)
{
	struct strbuf b;
	struct mot_diags d = { 0 };
	struct mot_log l;

	(void)state;
	strbuf_init(&b);
	strbuf_puts(&b, xes_head);                                   /* 1-2 */
	strbuf_puts(&b,
		"<trace>\n"                                          /* 3 */
		"<event><string key=\"concept:name\" value=\"A\"/></event>\n" /* 4 */
		"</trace>\n"                                         /* 5 */
		"<trace><string key=\"concept:name\" value=\"c\"/>\n"  /* 6 */
		"<event><date key=\"time:timestamp\" value=\"2026-01-01\"/></event>\n" /* 7 */
		"<event><string key=\"concept:name\" value=\"A\"/>"
		"<date key=\"time:timestamp\" value=\"soon\"/></event>\n" /* 8 */
		"</trace>\n</log>\n");
	assert_int_equal(read_xes(b.s, &l, &d), -1);
	assert_true(has_diag(&d, 3, "without the attribute 'concept:name' "
			     "(its case id)"));
	assert_true(has_diag(&d, 7, "(its activity)"));
	assert_true(has_diag(&d, 8, "'soon' is no time"));
	model_diags_free(&d);
	memset(&d, 0, sizeof d);
	/* not well-formed: libxml2's message with its line */
	strbuf_free(&b);
	strbuf_init(&b);
	strbuf_puts(&b, xes_head);
	strbuf_puts(&b, "<trace>\n<event>\n</trace>\n</log>\n");
	assert_int_equal(read_xes(b.s, &l, &d), -1);
	assert_true(d.n > 0 && d.items[0].line == 5);
	assert_non_null(strstr(d.items[0].message, "XML"));
	strbuf_free(&b);
	model_diags_free(&d);
}

/* --- the stored form ---------------------------------------------------- */

static void test_encode_round_trip(void **state)
{
	const char *csv = "case_id,activity,timestamp\n"
			  "é,A,1969-12-31T23:00:00Z\nx,B,2026-01-01T00:00:00.5Z\n"
			  "é,B,2100-01-01\nx,A,2026-01-01T00:00:00.5Z\n";
	struct mot_diags d = { 0 };
	struct mot_log l, back;
	struct strbuf b;

	(void)state;
	assert_int_equal(read_csv(csv, &l, &d), 0);
	model_log_init(&back);
	back.n_activities = l.n_activities;
	back.activities = xcalloc(l.n_activities, sizeof *back.activities);
	strbuf_init(&b);
	model_log_encode(&l, 0, 1, &b);
	assert_int_equal(model_log_decode(&back, b.s, b.len), 0);
	b.len = 0;
	model_log_encode(&l, 1, 5, &b);
	assert_int_equal(model_log_decode(&back, b.s, b.len), 0);
	assert_int_equal(back.n_cases, 2);
	assert_int_equal(back.n_events, 4);
	for (size_t c = 0; c < 2; c++) {
		assert_string_equal(model_log_case_id(&back, c),
				    model_log_case_id(&l, c));
		assert_int_equal(back.cases[c].n, l.cases[c].n);
	}
	assert_memory_equal(back.act, l.act, 4 * sizeof *l.act);
	assert_memory_equal(back.time, l.time, 4 * sizeof *l.time);
	/* damaged parts are refused and change nothing */
	assert_int_equal(model_log_decode(&back, b.s, b.len - 1), -1);
	assert_int_equal(model_log_decode(&back, "\x00", 1), -1);
	b.s[b.len - 2] = 9;	/* an activity out of range */
	assert_int_equal(model_log_decode(&back, b.s, b.len), -1);
	assert_int_equal(back.n_cases, 2);
	assert_int_equal(back.n_events, 4);
	strbuf_free(&b);
	model_log_free(&back);
	model_log_free(&l);
	model_diags_free(&d);
}

/* --- mapping ------------------------------------------------------------ */

static void test_map(void **state)
{
	const char *csv = "case_id,activity,timestamp\n"
			  "1,a,1\n1,Browse,2\n1,Pay,3\n1,Noise,4\n2,Noise,1\n"
			  "3,Advert,1\n3,Order,2\n";
	const struct log_map_pair pairs[] = {
		{ "Pay", "c", 1 }, { "Order", "c", 2 }, { "Noise", NULL, 3 },
		{ "Unused", "d", 4 },
	};
	struct mot_diags d = { 0 };
	struct log_map_report r;
	struct mot_journey j;
	struct mot_log l;

	(void)state;
	make_journey(&j);
	assert_int_equal(read_csv(csv, &l, &d), 0);
	/* without the pairs: Pay, Order, Noise are unmapped, Advert is the
	 * name of two touchpoints */
	assert_int_equal(log_map(&l, &j, NULL, 0, &r, &d), -1);
	assert_int_equal(r.n_unmapped, 4);
	assert_string_equal(r.unmapped[0], "Noise");	/* most events first */
	assert_int_equal(r.unmapped_events[0], 2);
	for (size_t i = 0; i < r.n_unmapped; i++)
		assert_int_equal(r.ambiguous[i],
				 strcmp(r.unmapped[i], "Advert") == 0);
	assert_null(l.activities[0].touchpoint);	/* left as read */
	log_map_report_free(&r);
	/* Advert still ambiguous with the pairs */
	assert_int_equal(log_map(&l, &j, pairs, 4, &r, &d), -1);
	assert_int_equal(r.n_unmapped, 1);
	assert_string_equal(r.unmapped[0], "Advert");
	log_map_report_free(&r);
	model_log_free(&l);
	/* without case 3 all maps; Noise goes with case 2 */
	assert_int_equal(read_csv("case_id,activity,timestamp\n1,a,1\n1,Browse,2\n"
				  "1,Pay,3\n1,Noise,4\n2,Noise,1\n", &l, &d), 0);
	assert_int_equal(log_map(&l, &j, pairs, 4, &r, &d), 0);
	assert_int_equal(r.ignored, 1);
	assert_int_equal(r.ignored_events, 2);
	assert_int_equal(l.n_cases, 1);
	assert_int_equal(l.n_events, 3);
	assert_int_equal(l.n_activities, 3);
	for (size_t a = 0; a < l.n_activities; a++)
		assert_non_null(l.activities[a].touchpoint);
	assert_case(&l, 0, "1", "a,Browse,Pay");
	assert_string_equal(l.activities[l.act[2]].touchpoint, "c");
	assert_string_equal(l.activities[l.act[1]].touchpoint, "b");
	log_map_report_free(&r);
	model_log_free(&l);
	assert_int_equal(d.errors, 0);
	model_journey_free(&j);
	model_diags_free(&d);
}

static void test_map_bad_pairs(void **state)
{
	const struct log_map_pair pairs[] = {
		{ "Pay", "nowhere", 3 }, { "Pay", "c", 7 },
	};
	struct mot_diags d = { 0 };
	struct log_map_report r;
	struct mot_journey j;
	struct mot_log l;

	(void)state;
	make_journey(&j);
	assert_int_equal(read_csv("case_id,activity,timestamp\n1,Pay,1\n", &l,
				  &d), 0);
	assert_int_equal(log_map(&l, &j, pairs, 2, &r, &d), -1);
	assert_true(has_diag(&d, 3, "'nowhere', which is no touchpoint"));
	assert_true(has_diag(&d, 7, "mapped twice (first on line 3)"));
	log_map_report_free(&r);
	model_log_free(&l);
	model_journey_free(&j);
	model_diags_free(&d);
}

/* --- compare ------------------------------------------------------------ */

static void test_compare(void **state)
{
	/* 1: a b c d   (fits, buys)     2: a c          (fits, buys)
	 * 3: a b       (fits, lost at b) 4: b d         (entry b, b->d: no)
	 * 5: a         (lost at a) */
	const char *csv = "case_id,activity,timestamp\n"
			  "1,a,1\n1,b,2\n1,c,3\n1,d,4\n2,a,1\n2,c,2\n3,a,1\n3,b,2\n"
			  "4,b,1\n4,d,2\n5,a,9\n";
	const double visits[4] = { 1, 0.75, 0.5, 0.25 };
	struct log_design design = { 0.4, visits };
	struct log_comparison c;
	struct log_gap *gaps;
	struct mot_journey j;
	struct mot_log l;
	char err[256];
	size_t n;

	(void)state;
	mapped_log(csv, &j, &l);
	assert_int_equal(log_compare(&j, &l, &design, &c, err, sizeof err), 0);
	assert_int_equal(c.cases, 5);
	assert_int_equal(c.events, 11);
	assert_int_equal(c.converted, 2);
	assert_true(c.conversion == 0.4);
	assert_true(c.fitness_cases == 0.8);
	assert_true(c.fitness_steps == 9.0 / 11);
	/* a: 4 visits, 4 cases, lost once (case 5) of 4 open visits */
	assert_int_equal(c.tp[0].visits, 4);
	assert_int_equal(c.tp[0].open_visits, 4);
	assert_int_equal(c.tp[0].lost, 1);
	assert_true(c.tp[0].observed_drop == 0.25);
	assert_true(c.tp[0].designed_drop == 0.2);
	assert_true(c.tp[0].observed_visits == 0.8);
	assert_true(c.tp[0].designed_visits == 1);
	assert_true(c.tp[0].observed_conversion == 0.5);
	/* c converts: no open visits, designed drop 0; d has no way on */
	assert_int_equal(c.tp[2].open_visits, 0);
	assert_true(isnan(c.tp[2].observed_drop));
	assert_true(c.tp[2].designed_drop == 0);
	assert_true(c.tp[3].designed_drop == 1);
	/* ends: c by case 2 (a buyer, not lost), d by 1 (bought) and 4 */
	assert_int_equal(c.tp[2].ends, 1);
	assert_int_equal(c.tp[2].lost, 0);
	assert_int_equal(c.tp[3].ends, 2);
	assert_int_equal(c.tp[3].lost, 1);
	/* designed transitions in order, then b->d, undesigned */
	assert_int_equal(c.n_designed, 4);
	assert_int_equal(c.n_edges, 5);
	assert_true(c.edges[0].designed_p == 0.75);
	assert_int_equal(c.edges[0].count, 2);	/* a->b */
	assert_true(c.edges[0].observed_p == 2.0 / 3);
	assert_int_equal(c.edges[2].count, 1);	/* b->c */
	assert_true(c.edges[2].observed_p == 0.5);
	assert_false(c.edges[4].designed);
	assert_int_equal(c.edges[4].from, 1);
	assert_int_equal(c.edges[4].to, 3);
	assert_int_equal(c.first[0], 4);
	assert_int_equal(c.first[1], 1);
	assert_true(c.entry_designed[0] == 1);
	/* gaps, biggest first */
	n = log_gaps(&c, &gaps);
	assert_true(n > 3);
	for (size_t i = 1; i < n; i++)
		assert_true(gaps[i - 1].size >= gaps[i].size);
	free(gaps);
	log_comparison_free(&c);
	model_log_free(&l);
	model_journey_free(&j);
}

/* A log made before a touchpoint went: refused with a clear message. */
static void test_compare_missing_touchpoint(void **state)
{
	struct log_comparison c;
	struct mot_journey j;
	struct mot_log l;
	char err[256];

	(void)state;
	mapped_log("case_id,activity,timestamp\n1,a,1\n1,b,2\n", &j, &l);
	free(j.touchpoints[1].key);
	j.touchpoints[1].key = xstrdup("gone");
	l.name = xstrdup("old");
	assert_int_equal(log_compare(&j, &l, NULL, &c, err, sizeof err), -1);
	assert_non_null(strstr(err, "touchpoint 'b', which journey 'j' no "
			       "longer has"));
	model_log_free(&l);
	model_journey_free(&j);
}

static const struct mot_transition *find_next(const struct mot_touchpoint *tp,
					      const char *to)
{
	for (size_t k = 0; k < tp->n_next; k++)
		if (strcmp(tp->next[k].to, to) == 0)
			return &tp->next[k];
	return NULL;
}

/* Prior 0: the observed shares.  Prior N: the posterior means of log.h. */
static void test_fit(void **state)
{
	const char *csv = "case_id,activity,timestamp\n"
			  "1,a,1\n1,b,2\n1,c,3\n1,d,4\n2,a,1\n2,c,2\n3,a,1\n3,b,2\n"
			  "4,b,1\n4,d,2\n5,a,9\n";
	struct mot_journey j, f;
	struct mot_log l;
	char err[256];

	(void)state;
	mapped_log(csv, &j, &l);
	assert_int_equal(log_fit(&j, &l, 0, &f, err, sizeof err), 0);
	/* a: 4 visits, 1 end; 2 to b, 1 to c */
	assert_true(fabs(f.touchpoints[0].drop - 0.25) < 1e-12);
	assert_true(fabs(find_next(&f.touchpoints[0], "b")->weight - 0.6667) < 1e-12);
	assert_true(fabs(find_next(&f.touchpoints[0], "c")->weight - 0.3333) < 1e-12);
	/* b: 3 visits, 1 end, 1 to c, 1 to d (undesigned, added) */
	assert_true(fabs(f.touchpoints[1].drop - 0.3333) < 1e-12);
	assert_non_null(find_next(&f.touchpoints[1], "d"));
	/* d: no way on, its drop stays */
	assert_int_equal(f.touchpoints[3].n_next, 0);
	/* entries: 4 at a, 1 at b */
	assert_int_equal(f.n_entries, 2);
	assert_string_equal(f.entries[0].to, "a");
	assert_true(fabs(f.entries[0].weight - 0.8) < 1e-12);
	assert_string_equal(f.touchpoints[0].name, "Advert");
	model_journey_free(&f);

	/* prior 10 at c: 2 visits, 1 end, 1 to d; designed drop 0.1 */
	assert_int_equal(log_fit(&j, &l, 10, &f, err, sizeof err), 0);
	assert_true(fabs(f.touchpoints[2].drop - 0.1667) < 1e-12); /* 2/12 */
	/* a's designed a->c (share 0.25, drop 0.2): (1 + 10*0.8*0.25) / (3 + 8) */
	assert_true(fabs(find_next(&f.touchpoints[0], "c")->weight - 0.2727) < 1e-12);
	/* b->d undesigned: 1 / (2 + 10 * 0.5) */
	assert_true(fabs(find_next(&f.touchpoints[1], "d")->weight - 0.1429) < 1e-12);
	model_journey_free(&f);
	assert_true(log_fit(&j, &l, -1, &f, err, sizeof err) == -1);
	model_journey_free(&f);
	model_log_free(&l);
	model_journey_free(&j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_time_iso),
		cmocka_unit_test(test_time_epoch),
		cmocka_unit_test(test_time_bad),
		cmocka_unit_test(test_csv_order),
		cmocka_unit_test(test_csv_shapes),
		cmocka_unit_test(test_csv_columns),
		cmocka_unit_test(test_csv_bad_rows),
		cmocka_unit_test(test_csv_unclosed_and_empty),
		cmocka_unit_test(test_csv_many_errors),
		cmocka_unit_test(test_xes_read),
		cmocka_unit_test(test_xes_escapes),
		cmocka_unit_test(test_xes_bad),
		cmocka_unit_test(test_encode_round_trip),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_map_bad_pairs),
		cmocka_unit_test(test_compare),
		cmocka_unit_test(test_compare_missing_touchpoint),
		cmocka_unit_test(test_fit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
