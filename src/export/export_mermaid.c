/*
 * export_mermaid.c - two Mermaid diagrams of a journey:
 *
 *   mermaid       a `journey` diagram: a section per stage, the touchpoints
 *                 of a stage in walk order as tasks, scored by emotion,
 *                 with channel and owner as actors;
 *   mermaid-flow  a `flowchart LR` with a subgraph per stage, which shows
 *                 the transitions and the loops a journey diagram cannot.
 *
 * Mermaid's journey grammar ends a name at ':', '#', ';' or a line break,
 * reads '%%' as a comment and some leading words as keywords, and splits
 * actors at ','.  Names are written so that none of that can happen; see
 * mmd_journey_text().
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "export_util.h"
#include "journey_path.h"
#include "util.h"

#define MMD_WORD_JOINER "\xe2\x81\xa0"	/* U+2060: invisible, not a space */

/* What a journey name may not contain: the character and its stand-in. */
struct mmd_swap {
	char c;
	const char *with;
};

/* Fullwidth forms look like the ASCII ones and mean the same (NFKC maps
 * them back), but the grammar does not know them. */
static const struct mmd_swap mmd_swaps[] = {
	{ ':', "\xef\xbc\x9a" },	/* ： */
	{ ';', "\xef\xbc\x9b" },	/* ； */
	{ '#', "\xef\xbc\x83" },	/* ＃ */
	{ ',', "\xef\xbc\x8c" },	/* ， only in actors */
	{ '%', "\xef\xbc\x85" },	/* ％ only the second of %% */
	/* only in the title, which Mermaid shows HTML-escaped twice */
	{ '<', "\xe2\x80\xb9" },	/* ‹ */
	{ '>', "\xe2\x80\xba" },	/* › */
	{ '&', "\xef\xbc\x86" },	/* ＆ */
};

/* Where a journey name goes: each place forbids more. */
enum mmd_place { MMD_TASK, MMD_ACTOR, MMD_TITLE };

/* True when the name, as the lexer sees it (leading blanks skipped),
 * would start a keyword token instead of a task name. */
static bool mmd_keyword_start(const char *s)
{
	static const char *const words[] = { "journey", "title", "section",
					     "acctitle", "accdescr" };

	s += strspn(s, " \t");
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strncasecmp(s, words[i], strlen(words[i])) == 0)
			return true;
	return false;
}

/*
 * Write a name for a journey diagram: line breaks and tabs as spaces,
 * other control characters dropped, ':' ';' '#' (and ',' in an actor,
 * '<' '>' '&' in the title) as look-alikes, '%%' broken up, and a name
 * that starts like a keyword behind an invisible word joiner.  Writes
 * `fallback` when nothing visible is left.
 */
static void mmd_journey_text(FILE *out, const char *s, enum mmd_place place,
			     const char *fallback)
{
	struct strbuf b;
	bool visible = false;

	strbuf_init(&b);
	if (mmd_keyword_start(s))
		strbuf_puts(&b, MMD_WORD_JOINER);
	for (const char *p = s; *p; p++) {
		const char *with = NULL;
		unsigned char c = (unsigned char)*p;

		for (size_t i = 0; i < 3; i++)
			if (*p == mmd_swaps[i].c)
				with = mmd_swaps[i].with;
		if (*p == ',' && place == MMD_ACTOR)
			with = mmd_swaps[3].with;
		for (size_t i = 5; i < 8 && place == MMD_TITLE; i++)
			if (*p == mmd_swaps[i].c)
				with = mmd_swaps[i].with;
		if (*p == '%' && p > s && p[-1] == '%')
			with = mmd_swaps[4].with;
		if (with)
			strbuf_puts(&b, with);
		else if (c == '\n' || c == '\r' || c == '\t')
			strbuf_puts(&b, " ");
		else if (c >= 0x20 && c != 0x7f)
			strbuf_add(&b, p, 1);
		visible |= c > 0x20 && c != 0x7f;
	}
	fputs(visible ? b.s : fallback, out);
	strbuf_free(&b);
}

/* Emotion -3..+3 on Mermaid's 1..5 scale, rounded to the nearest. */
static int mmd_score(int emotion)
{
	if (emotion < MOT_EMOTION_MIN)
		emotion = MOT_EMOTION_MIN;
	if (emotion > MOT_EMOTION_MAX)
		emotion = MOT_EMOTION_MAX;
	return 1 + ((emotion - MOT_EMOTION_MIN) * 2 + 1) / 3;
}

static void mmd_task(FILE *out, const struct mot_touchpoint *tp)
{
	bool channel = !util_str_empty(tp->channel);
	bool owner = !util_str_empty(tp->owner);

	fputs("    ", out);
	mmd_journey_text(out, tp->name, MMD_TASK, tp->key);
	fprintf(out, ": %d", mmd_score(tp->emotion));
	if (channel || owner)
		fputs(": ", out);
	if (channel)
		mmd_journey_text(out, tp->channel, MMD_ACTOR, "channel");
	if (channel && owner)
		fputs(", ", out);
	if (owner)
		mmd_journey_text(out, tp->owner, MMD_ACTOR, "owner");
	fputc('\n', out);
}

int export_mermaid(FILE *out, const struct mot_journey *j,
		   const struct export_options *opt, char *err,
		   size_t errlen)
{
	size_t *order = xcalloc(j->n_touchpoints + 1, sizeof *order);
	char head[64];

	(void)opt;
	journey_walk_order(j, order);
	fputs("journey\n  title ", out);
	mmd_journey_text(out, j->title, MMD_TITLE, j->key);
	fputc('\n', out);
	/* A section with no task is drawn as nothing: leave it out. */
	for (int s = 0; s < MOT_STAGE_COUNT; s++) {
		if (model_stage_count(j, (enum mot_stage)s) == 0)
			continue;
		fputs("  section ", out);
		mmd_journey_text(out, export_stage_heading((enum mot_stage)s,
				 head, sizeof head), MMD_TASK, "stage");
		fputc('\n', out);
		for (size_t k = 0; k < j->n_touchpoints; k++)
			if (j->touchpoints[order[k]].stage == (enum mot_stage)s)
				mmd_task(out, &j->touchpoints[order[k]]);
	}
	free(order);
	return ferror(out) ? -1 : 0;
}

/* --- mermaid-flow ------------------------------------------------------- */

/*
 * Write text inside a quoted flowchart label.  Mermaid turns "#name;" and
 * "#123;" into characters before it parses, and labels are HTML: so '"',
 * '#', '&', '<', '>', ':', '%', '\\' (Mermaid reads "\\n" as a line
 * break) and '`' (which would start a Markdown label) go as numeric
 * codes, and line breaks as <br/>.
 */
static void mmd_flow_text(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\\')	/* a word joiner keeps "\\n" from breaking */
			fputs("#92;" MMD_WORD_JOINER, out);
		else if (strchr("\"#&<>:%`;|", c) && c)
			fprintf(out, "#%d;", c);
		else if (c == '\n')
			fputs("<br/>", out);
		else if (c >= 0x20 && c != 0x7f)
			fputc(c, out);
		else if (c == '\t')
			fputc(' ', out);
	}
}

/* Node shape by meaning: a hexagon for a critical moment, a stadium for
 * a conversion, rounded otherwise. */
static void mmd_flow_node(FILE *out, const struct mot_touchpoint *tp,
			  size_t i)
{
	const char *open = tp->critical ? "{{" : tp->conversion ? "([" : "(";
	const char *close = tp->critical ? "}}" : tp->conversion ? "])" : ")";
	char emo[8];

	fprintf(out, "    t%zu%s\"", i, open);
	mmd_flow_text(out, tp->name);
	fputs("<br/><small>", out);
	if (!util_str_empty(tp->channel)) {
		mmd_flow_text(out, tp->channel);
		fputs(" \xc2\xb7 ", out);
	}
	fprintf(out, "%s %s</small>\"%s\n", export_emotion_face(tp->emotion),
		export_emotion_str(tp->emotion, emo), close);
}

/*
 * Keep the stages left to right.  Mermaid lays a flowchart out with
 * dagre, which first makes the graph acyclic by reversing the edges a
 * depth-first search from the first node finds going back; a loop from
 * TMOT to an exposure touchpoint the search had not reached yet stayed
 * forward and pulled <ZMOT to the right of TMOT.  An invisible chain
 * through every touchpoint in stage order, written before any other
 * link, is the first way the search goes: all touchpoints are on its
 * stack before any real link is looked at, so every link back is a
 * back edge and only those are reversed.  (Links between the stage
 * subgraphs do not do this: Mermaid moves them onto member nodes.)
 */
static void mmd_flow_spine(FILE *out, const struct mot_journey *j)
{
	char prev[48] = "", node[48];

	if (j->n_entries)
		snprintf(prev, sizeof prev, "start");
	for (int s = 0; s < MOT_STAGE_COUNT; s++) {
		for (size_t i = 0; i < j->n_touchpoints; i++) {
			if (j->touchpoints[i].stage != (enum mot_stage)s)
				continue;
			snprintf(node, sizeof node, "t%zu", i);
			if (*prev)
				fprintf(out, "  %s ~~~ %s\n", prev, node);
			memcpy(prev, node, sizeof prev);
		}
		/* an empty stage's placeholder has its place in the chain */
		if (model_stage_count(j, (enum mot_stage)s) == 0) {
			snprintf(node, sizeof node, "empty_%s",
				 model_stage_key((enum mot_stage)s));
			if (*prev)
				fprintf(out, "  %s ~~~ %s\n", prev, node);
			memcpy(prev, node, sizeof prev);
		}
	}
}

static void mmd_flow_edges(FILE *out, const struct mot_journey *j)
{
	char num[32];

	for (size_t i = 0; i < j->n_touchpoints; i++) {
		const struct mot_touchpoint *tp = &j->touchpoints[i];

		for (size_t k = 0; k < tp->n_next; k++) {
			long to = model_touchpoint_find(j, tp->next[k].to);

			if (to < 0)
				continue;
			/* a loop back is dotted: the messy middle */
			fprintf(out, "  t%zu %s|\"%s", i,
				journey_is_loop(i, to) ? "-.->" : "-->",
				model_format_number(tp->next[k].weight, num,
						    sizeof num));
			if (!util_str_empty(tp->next[k].label)) {
				fputs(" \xc2\xb7 ", out);
				mmd_flow_text(out, tp->next[k].label);
			}
			fprintf(out, "\"| t%ld\n", to);
		}
	}
}

/* Colours by emotion, marks by meaning.  No ';' at the end of a classDef:
 * Mermaid's entity pre-pass would eat it. */
static void mmd_flow_classes(FILE *out, const struct mot_journey *j)
{
	for (int e = MOT_EMOTION_MIN; e <= MOT_EMOTION_MAX; e++)
		fprintf(out, "  classDef emo%d fill:%s,stroke:%s,color:#111111\n",
			e - MOT_EMOTION_MIN, export_emotion_fill(e),
			export_emotion_ink(e));
	fputs("  classDef critical stroke:#b2182b,stroke-width:3px\n"
	      "  classDef conversion stroke:#1a9850,stroke-width:3px\n"
	      "  classDef external stroke-dasharray:5 3\n"
	      "  classDef entry fill:#333333,color:#ffffff,stroke:#333333\n",
	      out);
	for (size_t i = 0; i < j->n_touchpoints; i++) {
		const struct mot_touchpoint *tp = &j->touchpoints[i];

		fprintf(out, "  class t%zu emo%d\n", i,
			tp->emotion - MOT_EMOTION_MIN);
		if (tp->critical)
			fprintf(out, "  class t%zu critical\n", i);
		if (tp->conversion)
			fprintf(out, "  class t%zu conversion\n", i);
		if (!tp->controlled)
			fprintf(out, "  class t%zu external\n", i);
	}
}

int export_mermaid_flow(FILE *out, const struct mot_journey *j,
			const struct export_options *opt, char *err,
			size_t errlen)
{
	char head[64], num[32];

	(void)opt;
	fputs("flowchart LR\n", out);
	if (j->n_entries)
		fputs("  start((\"start\"))\n  class start entry\n", out);
	for (int s = 0; s < MOT_STAGE_COUNT; s++) {
		fprintf(out, "  subgraph stage_%s[\"",
			model_stage_key((enum mot_stage)s));
		mmd_flow_text(out, export_stage_heading((enum mot_stage)s, head,
							sizeof head));
		fputs("\"]\n    direction TB\n", out);
		if (model_stage_count(j, (enum mot_stage)s) == 0)
			fprintf(out, "    empty_%s[\"no touchpoint\"]\n",
				model_stage_key((enum mot_stage)s));
		for (size_t i = 0; i < j->n_touchpoints; i++)
			if (j->touchpoints[i].stage == (enum mot_stage)s)
				mmd_flow_node(out, &j->touchpoints[i], i);
		fputs("  end\n", out);
	}
	mmd_flow_spine(out, j);
	for (size_t e = 0; e < j->n_entries; e++) {
		long to = model_touchpoint_find(j, j->entries[e].to);

		if (to >= 0)
			fprintf(out, "  start -->|\"%s\"| t%ld\n",
				model_format_number(j->entries[e].weight, num,
						    sizeof num), to);
	}
	mmd_flow_edges(out, j);
	mmd_flow_classes(out, j);
	return ferror(out) ? -1 : 0;
}
