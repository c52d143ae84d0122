/*
 * test_export.c - the export formats on journeys built here: the shared
 * walks (most likely path, walk order, loops), and for every format the
 * escaping of names that could break it.  The shell test
 * (tests/cli/export.sh) checks the same formats with the real tools.
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
#include "journey_path.h"
#include "model.h"
#include "util.h"

static struct mot_touchpoint *add_tp(struct mot_journey *j, const char *key,
				     const char *name, enum mot_stage s,
				     enum mot_phase p, int emotion)
{
	struct mot_touchpoint *tp;

	j->touchpoints = xrealloc(j->touchpoints,
				  (j->n_touchpoints + 1) * sizeof *tp);
	tp = &j->touchpoints[j->n_touchpoints++];
	model_touchpoint_init(tp);
	tp->key = xstrdup(key);
	tp->name = xstrdup(name);
	tp->stage = s;
	tp->phase = p;
	tp->emotion = emotion;
	return tp;
}

static void add_next(struct mot_journey *j, const char *from, const char *to,
		     double w, const char *label)
{
	struct mot_touchpoint *tp = &j->touchpoints[model_touchpoint_find(j, from)];

	tp->next = xrealloc(tp->next, (tp->n_next + 1) * sizeof *tp->next);
	memset(&tp->next[tp->n_next], 0, sizeof *tp->next);
	tp->next[tp->n_next].to = xstrdup(to);
	tp->next[tp->n_next].weight = w;
	tp->next[tp->n_next].label = xstrdup(label);
	tp->n_next++;
}

static void add_entry(struct mot_journey *j, const char *to, double w)
{
	j->entries = xrealloc(j->entries, (j->n_entries + 1) * sizeof *j->entries);
	j->entries[j->n_entries].to = xstrdup(to);
	j->entries[j->n_entries].weight = w;
	j->n_entries++;
}

/*
 * A small shop journey whose names hold everything that breaks one format
 * or another: quotes, commas, colons, semicolons, '#', '|', line breaks,
 * <&>, '%%', a keyword at the start, and non-Latin text.
 */
static void make_tricky(struct mot_journey *j)
{
	struct mot_touchpoint *tp;

	model_journey_init(j);
	j->key = xstrdup("shop");
	j->title = xstrdup("Shop: \"best\" <deals> & more; #1");
	j->description = xstrdup("First line\nsecond | line");
	tp = add_tp(j, "ad", "Title: \"Ad\", big; #1 | 50%% off", MOT_STAGE_LZMOT,
		    MOT_PHASE_EXPOSURE, 1);
	tp->channel = xstrdup("tv, radio");
	tp->owner = xstrdup("brand: team #2");
	tp->notes = xstrdup("two\nlines <b>x</b> & \"q\"");
	add_tp(j, "search", "検索 Поиск\nsecond line", MOT_STAGE_ZMOT,
	       MOT_PHASE_EXPLORATION, 0);
	tp = add_tp(j, "compare", "Compare back\\slash *star* _u_ `tick`",
		    MOT_STAGE_ZMOT, MOT_PHASE_EVALUATION, -2);
	tp->critical = true;
	tp->controlled = false;
	tp = add_tp(j, "buy", "Buy — a very long name that keeps going on and on "
		    "and on so that no card or line could ever hold all of it",
		    MOT_STAGE_FMOT, MOT_PHASE_NONE, 3);
	tp->conversion = true;
	tp->human = true;
	tp->drop = 0.25;
	tp->dwell = 1.5;
	add_tp(j, "review", "journey review", MOT_STAGE_TMOT,
	       MOT_PHASE_EXPERIENCE, -3);
	add_next(j, "ad", "search", 3, "sees \"it\", clicks; #go");
	add_next(j, "ad", "compare", 1, NULL);
	add_next(j, "search", "compare", 2, NULL);
	add_next(j, "compare", "search", 4, "not sure: back");
	add_next(j, "compare", "buy", 1, NULL);
	add_next(j, "buy", "review", 1, NULL);
	add_next(j, "review", "ad", 1, "tells friends");
	add_entry(j, "search", 1);
	add_entry(j, "ad", 2);
}

/* The whole output of a format with these options, NUL-terminated (free
 * it); NULL when the writer fails. */
static char *render_opt(const char *format, const struct mot_journey *j,
			const struct export_options *opt)
{
	const struct export_format *f = export_find(format);
	char *buf = NULL, err[256];
	size_t len = 0;
	FILE *out;
	int rc;

	assert_non_null(f);
	out = open_memstream(&buf, &len);
	assert_non_null(out);
	rc = export_write_stream(f, out, j, opt, err, sizeof err);
	fclose(out);
	if (rc != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* The whole output of a format, NUL-terminated (free it). */
static char *render(const char *format, const struct mot_journey *j)
{
	struct export_options opt = { .width = 80 };
	char *buf = render_opt(format, j, &opt);

	assert_non_null(buf);
	return buf;
}

/* The line of s that contains needle, copied (free it), or NULL. */
static char *line_with(const char *s, const char *needle)
{
	const char *hit = strstr(s, needle), *start, *end;

	if (!hit)
		return NULL;
	for (start = hit; start > s && start[-1] != '\n'; start--)
		;
	end = strchr(hit, '\n');
	return xstrndup(start, end ? (size_t)(end - start) : strlen(start));
}

/* --- the shared walks ------------------------------------------------------ */

static void test_likely_path(void **state)
{
	struct mot_journey j;
	size_t path[8];

	(void)state;
	make_tricky(&j);
	/* entry "ad" (2) beats "search" (1); ad -> search (3) beats compare;
	 * search -> compare; compare -> search is seen, so -> buy; review;
	 * review -> ad is seen: the end. */
	assert_int_equal(journey_path_likely(&j, path), 5);
	assert_int_equal(path[0], 0);
	assert_int_equal(path[1], 1);
	assert_int_equal(path[2], 2);
	assert_int_equal(path[3], 3);
	assert_int_equal(path[4], 4);
	/* ties go to the first listed: both entries weigh 2 now */
	j.entries[0].weight = 2;
	assert_int_equal(journey_path_likely(&j, path), 4);
	assert_int_equal(path[0], 1);	/* search, listed first */
	assert_int_equal(path[1], 2);
	assert_int_equal(path[2], 3);	/* compare: search is seen */
	assert_int_equal(path[3], 4);
	/* review -> ad is not seen yet, but what review shares is another
	 * customer's exposure: this customer's journey ends at review */
	model_journey_free(&j);
}

static void test_likely_path_no_entry(void **state)
{
	struct mot_journey j;
	size_t path[8];

	(void)state;
	make_tricky(&j);
	for (size_t e = 0; e < j.n_entries; e++)
		free(j.entries[e].to);
	free(j.entries);
	j.entries = NULL;
	j.n_entries = 0;
	assert_int_equal(journey_path_likely(&j, path), 0);
	model_journey_free(&j);
}

static void test_walk_order(void **state)
{
	struct mot_journey j;
	size_t order[8];

	(void)state;
	make_tricky(&j);
	add_tp(&j, "island", "Island", MOT_STAGE_TMOT, MOT_PHASE_NONE, 0);
	journey_walk_order(&j, order);
	/* entries heaviest first: ad, search; then ad's compare; then
	 * compare's buy; buy's review; the island no one reaches last */
	assert_int_equal(order[0], 0);
	assert_int_equal(order[1], 1);
	assert_int_equal(order[2], 2);
	assert_int_equal(order[3], 3);
	assert_int_equal(order[4], 4);
	assert_int_equal(order[5], 5);
	model_journey_free(&j);
}

static void test_loops(void **state)
{
	(void)state;
	assert_true(journey_is_loop(3, 1));
	assert_true(journey_is_loop(2, 2));	/* to itself */
	assert_false(journey_is_loop(1, 3));
	assert_false(journey_is_loop(1, -1));	/* unknown target */
}

/* --- formats ----------------------------------------------------------------- */

static void test_table_lists_every_format(void **state)
{
	static const char *names[] = { "yaml", "txt", "md", "csv", "dot",
				       "mermaid", "mermaid-flow", "svg", "html" };

	(void)state;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const struct export_format *f = export_find(names[i]);

		assert_non_null(f);
		assert_string_equal(f->name, names[i]);
		assert_true(strlen(f->extension) > 0);
	}
	assert_null(export_find("docx"));
}

static void test_md_escapes_cells(void **state)
{
	struct mot_journey j;
	char *md, *row;

	(void)state;
	make_tricky(&j);
	md = render("md", &j);
	assert_non_null(strstr(md, "# Shop: \"best\" \\<deals\\> \\& more; \\#1\n"));
	/* a line break is a hard break (a backslash), never <br> */
	assert_non_null(strstr(md, "First line\\\nsecond \\| line"));
	assert_null(strstr(md, "<br>"));
	assert_non_null(strstr(md, "## \\<ZMOT \xc2\xb7 Awareness"));
	row = line_with(md, "`ad`");
	assert_non_null(row);
	/* every unescaped | in the row is a cell border: 9 columns */
	{
		int bars = 0;

		for (char *p = row; *p; p++)
			bars += *p == '|' && (p == row || p[-1] != '\\');
		assert_int_equal(bars, 10);
	}
	free(row);
	/* the notes in the touchpoint's section, their lines kept */
	assert_non_null(strstr(md, "\n### Title: \"Ad\", big; \\#1 \\| 50%% off\n\n"
			       "two\\\nlines \\<b\\>x\\</b\\> \\& \"q\"\n"));
	/* a line break inside a cell is a space: the row stays one line */
	row = line_with(md, "`search`");
	assert_non_null(strstr(row, "| **\xe6\xa4\x9c\xe7\xb4\xa2 \xd0\x9f\xd0\xbe"
			       "\xd0\xb8\xd1\x81\xd0\xba second line**"));
	free(row);
	assert_non_null(strstr(md, "Compare back\\\\slash \\*star\\* \\_u\\_ \\`tick\\`"));
	assert_non_null(strstr(md, "## Transitions"));
	assert_non_null(strstr(md, "| not sure: back | \xe2\x86\xa9 loop back |"));
	free(md);
	model_journey_free(&j);
}

/* Lanes in md: a list per list lane, a line of text per text lane, the
 * KPIs with their mark in words; what would start a block is escaped. */
static void test_md_lanes(void **state)
{
	struct mot_journey j;
	struct mot_touchpoint *tp;
	struct mot_kpi k;
	char *md;

	(void)state;
	make_tricky(&j);
	tp = &j.touchpoints[model_touchpoint_find(&j, "buy")];
	tp->thinking = xstrdup("Finally.\n- not a list");
	model_list_add(&tp->pains, "1. not numbered | pipe");
	model_list_add(&tp->pains, "<b>bold</b>");
	model_kpi_init(&k);
	k.name = xstrdup("Wait");
	k.value = 95;
	k.has_target = true;
	k.target = 60;
	k.unit = xstrdup("s");
	k.lower_better = true;
	model_kpi_add(tp, &k);
	model_kpi_free(&k);
	md = render("md", &j);
	assert_non_null(strstr(md, "**Thinking and feeling:** Finally.\\\n\\- not a "
			       "list\n"));
	assert_non_null(strstr(md, "**Pain points:**\n\n- 1\\. not numbered \\| pipe\n"
			       "- \\<b\\>bold\\</b\\>\n"));
	assert_non_null(strstr(md, "**KPIs:**\n\n- Wait 95 s \xc2\xb7 target at most 60 "
			       "\xe2\x96\xbc off target\n"));
	free(md);
	model_journey_free(&j);
}

static void test_csv_quotes_fields(void **state)
{
	struct mot_journey j;
	char *csv, *sep;

	(void)state;
	make_tricky(&j);
	csv = render("csv", &j);
	assert_true(strncmp(csv, "journey,key,name,stage,phase,", 29) == 0);
	assert_non_null(strstr(csv, "\r\nshop,ad,\"Title: \"\"Ad\"\", big; #1 | 50%% "
			       "off\",lzmot,exposure,\"tv, radio\",brand: team #2,"
			       "yes,1,no,no,0,no,0,\"two\nlines <b>x</b> & \"\"q\"\"\""
			       ",,,,,,\r\n"));	/* no lanes: six empty cells */
	/* the two tables, parted by an empty line */
	sep = strstr(csv, "\r\n\r\njourney,from,from_name,to,to_name,weight,"
		     "share,label,loop\r\n");
	assert_non_null(sep);
	assert_non_null(strstr(sep, "\r\nshop,ad,\"Title: \"\"Ad\"\", big; #1 | "
			       "50%% off\",search,\"検索 Поиск\nsecond line\",3,"
			       "0.75,\"sees \"\"it\"\", clicks; #go\",no\r\n"));
	assert_non_null(strstr(sep, ",4,0.8,not sure: back,yes\r\n"));
	assert_non_null(strstr(csv, ",yes,3,no,yes,1.5,yes,0.25,,,,,,,\r\n"));
	free(csv);
	model_journey_free(&j);
}

/* True when a Mermaid journey name holds what its grammar forbids. */
static bool mmd_bad_name(const char *name, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (name[i] == ':' || name[i] == '#' || name[i] == ';' ||
		    (i && name[i] == '%' && name[i - 1] == '%'))
			return true;
	return false;
}

static void test_mermaid_journey_names(void **state)
{
	struct mot_journey j;
	char *mmd, *line;

	(void)state;
	make_tricky(&j);
	mmd = render("mermaid", &j);
	assert_true(strncmp(mmd, "journey\n  title Shop\xef\xbc\x9a \"best\" "
			    "\xe2\x80\xb9" "deals\xe2\x80\xba \xef\xbc\x86 more"
			    "\xef\xbc\x9b \xef\xbc\x83" "1\n", 60) == 0);
	/* walk order inside a stage, scores on 1..5, actors */
	line = line_with(mmd, "Ad");
	assert_non_null(line);
	/* a keyword at the start hides behind a word joiner */
	assert_non_null(strstr(line, "    \xe2\x81\xa0Title\xef\xbc\x9a \"Ad\", big"
			       "\xef\xbc\x9b \xef\xbc\x83" "1 | 50%\xef\xbc\x85 off: 4: "
			       "tv\xef\xbc\x8c radio, brand\xef\xbc\x9a team "
			       "\xef\xbc\x83" "2"));
	assert_false(mmd_bad_name(line + 4, (size_t)(strstr(line, ": 4: ") -
						     line - 4)));
	free(line);
	assert_non_null(strstr(mmd, "    \xe6\xa4\x9c\xe7\xb4\xa2 \xd0\x9f\xd0\xbe"
			       "\xd0\xb8\xd1\x81\xd0\xba second line: 3\n"));
	assert_non_null(strstr(mmd, ": 2\n"));	/* -2 */
	assert_non_null(strstr(mmd, ": 5\n"));	/* +3 */
	assert_non_null(strstr(mmd, "    \xe2\x81\xa0journey review: 1\n"));
	assert_non_null(strstr(mmd, "  section TMOT \xc2\xb7 Sharing\n"));
	free(mmd);
	model_journey_free(&j);
}

static void test_mermaid_flow(void **state)
{
	struct mot_journey j;
	char *mmd;

	(void)state;
	make_tricky(&j);
	mmd = render("mermaid-flow", &j);
	assert_true(strncmp(mmd, "flowchart LR\n", 13) == 0);
	assert_non_null(strstr(mmd, "  subgraph stage_lzmot[\"#60;ZMOT"));
	assert_non_null(strstr(mmd, "t0(\"Title#58; #34;Ad#34;, big#59; #35;1 "
			       "#124; 50#37;#37; off<br/>"));
	assert_non_null(strstr(mmd, "t2{{\"Compare back#92;\xe2\x81\xa0slash"));
	assert_non_null(strstr(mmd, "t3([\"Buy"));
	/* the loop back is dotted, the way forward solid */
	assert_non_null(strstr(mmd, "  t2 -.->|\"4 \xc2\xb7 not sure#58; back\"| t1\n"));
	assert_non_null(strstr(mmd, "  t1 -->|\"2\"| t2\n"));
	assert_non_null(strstr(mmd, "  class t2 critical\n"));
	assert_non_null(strstr(mmd, "  class t2 external\n"));
	/* an invisible chain in stage order, before any real link, keeps the
	 * stages left to right (the empty SMOT's placeholder in its place) */
	assert_non_null(strstr(mmd, "  start ~~~ t0\n  t0 ~~~ t1\n  t1 ~~~ t2\n"
			       "  t2 ~~~ t3\n  t3 ~~~ empty_smot\n  empty_smot ~~~ "
			       "t4\n  start -->"));
	assert_null(strstr(mmd, "stage_lzmot ~~~"));
	free(mmd);
	model_journey_free(&j);
}

static void test_dot_escapes_and_clusters(void **state)
{
	struct mot_journey j;
	char *dot;

	(void)state;
	make_tricky(&j);
	dot = render("dot", &j);
	assert_true(strncmp(dot, "digraph \"shop\" {", 16) == 0);
	for (int s = 0; s < MOT_STAGE_COUNT; s++) {
		char want[64];

		snprintf(want, sizeof want, "subgraph \"cluster_%s\"",
			 model_stage_key((enum mot_stage)s));
		assert_non_null(strstr(dot, want));
	}
	assert_non_null(strstr(dot, "[label=\"Title: \\\"Ad\\\", big; #1 |\\n50%% "
			       "off\\ntv, radio"));
	assert_non_null(strstr(dot, "Compare back\\\\slash"));
	assert_non_null(strstr(dot, "shape=octagon"));
	assert_non_null(strstr(dot, "peripheries=2"));
	assert_non_null(strstr(dot, "filled,rounded,dashed"));
	/* a loop does not push its target right */
	{
		char *loop = line_with(dot, "\"compare\" -> \"search\"");

		assert_non_null(loop);
		assert_non_null(strstr(loop, "constraint=false"));
		free(loop);
	}
	/* the title is HTML-like: < & > as entities */
	assert_non_null(strstr(dot, "Shop: &quot;best&quot; &lt;deals&gt; &amp; "
			       "more; #1"));
	free(dot);
	model_journey_free(&j);
}

static void test_svg_escapes_and_cuts(void **state)
{
	struct mot_journey j;
	char *svg;

	(void)state;
	make_tricky(&j);
	svg = render("svg", &j);
	assert_true(strncmp(svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ",
			    44) == 0);
	assert_non_null(strstr(svg, "Shop: &quot;best&quot; &lt;deals&gt; &amp; "
			       "more; #1"));
	assert_null(strstr(svg, "<deals>"));
	assert_null(strstr(svg, "<b>"));
	/* the long name is cut with an ellipsis on its second line */
	assert_non_null(strstr(svg, "\xe2\x80\xa6</text>"));
	assert_non_null(strstr(svg, ">Buy \xe2\x80\x94 a very"));
	/* the card of the loop, the loop arrow and the steps of the path */
	assert_non_null(strstr(svg, "<title>loop back: Compare back\\slash"));
	assert_non_null(strstr(svg, "Emotion along the most likely path"));
	assert_true(strlen(svg) > 1000 && strcmp(svg + strlen(svg) - 7,
						 "</svg>\n") == 0);
	free(svg);
	model_journey_free(&j);
}

static void test_html_is_self_contained(void **state)
{
	struct mot_journey j;
	char *html, *p;

	(void)state;
	make_tricky(&j);
	html = render("html", &j);
	assert_true(strncmp(html, "<!DOCTYPE html>\n", 16) == 0);
	assert_non_null(strstr(html, "Content-Security-Policy"));
	assert_non_null(strstr(html, "<h1>Shop: &quot;best&quot; &lt;deals&gt;"));
	assert_non_null(strstr(html, "@media print"));
	/* nothing to fetch: the only URL is the SVG namespace */
	for (p = html; (p = strstr(p, "http")); p++)
		assert_true(strncmp(p, "http://www.w3.org/2000/svg", 26) == 0 ||
			    strncmp(p, "http-equiv", 10) == 0);
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "src="));
	free(html);
	model_journey_free(&j);
}

/*
 * The overlays draw the figures the caller hands in (export runs no
 * simulation): shares on the cards, customers on the edges; figures of
 * another journey are refused.
 */
static void test_overlay_draws_given_figures(void **state)
{
	static const uint64_t reach[] = { 200, 100, 50, 20, 10 };
	static const uint64_t drops[] = { 20, 0, 30, 0, 10 };
	static const uint64_t flow[] = { 70, 30, 60, 11, 12, 13, 14 };
	struct export_sim sim = { 200, 5, reach, drops, 7, flow };
	struct export_options opt = { .width = 80, .sim = &sim };
	struct mot_journey j;
	char *svg, *html, *dot, *line;

	(void)state;
	make_tricky(&j);
	svg = render_opt("svg", &j, &opt);
	assert_non_null(svg);
	/* "left here" is of those who came by, as on the designer's map:
	 * 30 of the 50 who came by the third card left there. */
	assert_non_null(strstr(svg, ">100% came by \xc2\xb7 10% of them left "
			       "here<"));
	assert_non_null(strstr(svg, ">25% came by \xc2\xb7 60% of them left "
			       "here<"));
	assert_non_null(strstr(svg, "left here: the share of those who came "
			       "by that left the journey there"));
	assert_non_null(strstr(svg, "share of 200 simulated customers"));
	html = render_opt("html", &j, &opt);
	assert_non_null(html);
	assert_non_null(strstr(html, ">5% came by \xc2\xb7 100% of them left "
			       "here<"));
	dot = render_opt("dot", &j, &opt);
	assert_non_null(dot);
	line = line_with(dot, "\"compare\" -> \"search\"");
	assert_non_null(line);
	assert_non_null(strstr(line, "label=\"4 (11)\""));
	free(line);
	free(svg);
	free(html);
	free(dot);
	/* the figures of a journey with one touchpoint less */
	sim.n = 4;
	assert_null(render_opt("svg", &j, &opt));
	assert_null(render_opt("dot", &j, &opt));
	sim.n = 5;
	sim.n_edges = 6;
	assert_null(render_opt("html", &j, &opt));
	model_journey_free(&j);
}

/*
 * What the printed picture got wrong: "1 personas"; forward transitions
 * neither drawn nor said to be left out; names only in tooltips.  Now
 * counts agree with their noun, the legend says only loops are drawn,
 * the page lists every transition, a card's tooltip is there only when
 * its name is cut, and the path's steps are in the touchpoint table.
 */
static void test_picture_words(void **state)
{
	struct mot_journey j;
	char *svg, *html;
	size_t rows = 0;

	(void)state;
	make_tricky(&j);
	j.personas = xcalloc(1, sizeof *j.personas);
	model_persona_init(&j.personas[0]);
	j.personas[0].key = xstrdup("one");
	j.personas[0].name = xstrdup("One");
	j.n_personas = 1;
	svg = render("svg", &j);
	html = render("html", &j);
	assert_non_null(strstr(svg, " \xc2\xb7 1 persona</text>"));
	assert_null(strstr(svg, "1 personas"));
	assert_non_null(strstr(html, " \xc2\xb7 1 persona</p>"));
	assert_null(strstr(html, "1 personas"));
	assert_non_null(strstr(svg, "only loops are drawn, not the way forward"));
	/* the long name is cut: its card has the full name as tooltip; a
	 * name that fits has none */
	assert_non_null(strstr(svg, "<g>\n<title>Buy \xe2\x80\x94 a very long name that "
			       "keeps going on and on and on so that no card or "
			       "line could ever hold all of it</title>"));
	assert_null(strstr(svg, "<g>\n<title>journey review</title>"));
	assert_non_null(strstr(html, "<h2>Transitions</h2>"));
	for (const char *p = strstr(html, "<h2>Transitions</h2>");
	     (p = strstr(p, "<tr><td>")); p++)
		rows++;
	assert_int_equal(rows, 7);
	/* step 1 of the path (the entry "ad") in its row of the table */
	assert_non_null(strstr(html, "<tr><td class=\"num\">1</td><td "
			       "class=\"stage\">&lt;ZMOT</td><td><strong>Title"));
	free(svg);
	free(html);
	model_journey_free(&j);
}

/* Every format writes an empty journey and one with no entry. */
static void test_every_format_on_bare_journeys(void **state)
{
	size_t n;
	const struct export_format *f = export_formats(&n);
	struct mot_journey empty, noentry;

	(void)state;
	model_journey_init(&empty);
	empty.key = xstrdup("empty");
	empty.title = xstrdup("Empty");
	make_tricky(&noentry);
	for (size_t e = 0; e < noentry.n_entries; e++)
		free(noentry.entries[e].to);
	free(noentry.entries);
	noentry.entries = NULL;
	noentry.n_entries = 0;
	for (size_t i = 0; i < n; i++) {
		char *a = render(f[i].name, &empty), *b = render(f[i].name, &noentry);

		assert_true(strlen(a) > 0);
		assert_true(strlen(b) > 0);
		free(a);
		free(b);
	}
	model_journey_free(&empty);
	model_journey_free(&noentry);
}

/*
 * Numbers are written with a decimal point whatever the locale.  Under a
 * locale with a decimal comma, where one is installed (Debian's minimal
 * images have none), this is what catches a "1,5" in a CSV cell.
 */
static void test_numbers_ignore_locale(void **state)
{
	static const char *commas[] = { "de_DE.UTF-8", "nl_NL.UTF-8",
					"fr_FR.UTF-8", "de_DE.utf8" };
	struct mot_journey j;
	char *csv, *svg;
	bool set = false;

	(void)state;
	for (size_t i = 0; !set && i < sizeof commas / sizeof commas[0]; i++)
		set = setlocale(LC_NUMERIC, commas[i]) != NULL;
	make_tricky(&j);
	csv = render("csv", &j);
	svg = render("svg", &j);
	setlocale(LC_NUMERIC, "C");
	assert_non_null(strstr(csv, ",1.5,yes,0.25,"));
	assert_null(strstr(svg, "x=\"20,0\""));
	assert_non_null(strstr(svg, "x=\"20.0\""));
	free(csv);
	free(svg);
	model_journey_free(&j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_likely_path),
		cmocka_unit_test(test_likely_path_no_entry),
		cmocka_unit_test(test_walk_order),
		cmocka_unit_test(test_loops),
		cmocka_unit_test(test_table_lists_every_format),
		cmocka_unit_test(test_md_escapes_cells),
		cmocka_unit_test(test_md_lanes),
		cmocka_unit_test(test_csv_quotes_fields),
		cmocka_unit_test(test_mermaid_journey_names),
		cmocka_unit_test(test_mermaid_flow),
		cmocka_unit_test(test_dot_escapes_and_clusters),
		cmocka_unit_test(test_svg_escapes_and_cuts),
		cmocka_unit_test(test_html_is_self_contained),
		cmocka_unit_test(test_overlay_draws_given_figures),
		cmocka_unit_test(test_picture_words),
		cmocka_unit_test(test_every_format_on_bare_journeys),
		cmocka_unit_test(test_numbers_ignore_locale),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
