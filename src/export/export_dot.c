/*
 * export_dot.c - a Graphviz digraph of the journey: one cluster per stage
 * from left to right, touchpoints coloured by emotion, critical and
 * conversion touchpoints by shape, transitions with their weights and
 * loops drawn apart.  `dot -Tsvg` renders it with no warning.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "export_util.h"
#include "journey_path.h"
#include "util.h"

#define DOT_LOOP_COLOUR "#7b3294"
#define DOT_WRAP_COLS 26	/* a node label line, in columns */
#define DOT_WRAP_LINES 4	/* more is cut with an ellipsis */

/* Write s inside a double-quoted DOT string: \ and " escaped, line
 * breaks as \n (centred lines), other control characters dropped. */
static void dot_str(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\\' || *s == '"')
			fprintf(out, "\\%c", *s);
		else if (*s == '\n')
			fputs("\\n", out);
		else if ((unsigned char)*s >= 0x20)
			fputc(*s, out);
	}
}

/* Length in bytes of the next word of s (up to a space or line break). */
static size_t dot_word(const char *s)
{
	return strcspn(s, " \n");
}

/*
 * Write a name wrapped at spaces to lines of about DOT_WRAP_COLS columns,
 * at most DOT_WRAP_LINES of them: long names would make huge nodes.  A
 * word longer than a line is cut; what does not fit ends with an ellipsis
 * (the tooltip keeps the whole name).
 */
static void dot_wrapped(FILE *out, const char *s)
{
	struct strbuf line;
	int lines = 0;

	strbuf_init(&line);
	while (*s && lines < DOT_WRAP_LINES) {
		size_t n = dot_word(s);
		char *word = xstrndup(s, n);
		bool fits = util_utf8_width(word) + (line.len ? 1 : 0) +
			(line.s ? util_utf8_width(line.s) : 0) <= DOT_WRAP_COLS;

		if (line.len && !fits) {
			dot_str(out, line.s);
			fputs("\\n", out);
			lines++;
			line.len = 0;
			line.s[0] = '\0';
			free(word);
			continue;
		}
		if (line.len)
			strbuf_puts(&line, " ");
		strbuf_add(&line, word, util_utf8_prefix(word, DOT_WRAP_COLS,
							  NULL));
		free(word);
		s += n;
		s += strspn(s, " \n");
	}
	if (lines == DOT_WRAP_LINES) {
		fputs("\xe2\x80\xa6", out);	/* … */
	} else if (line.len) {
		dot_str(out, line.s);
		if (*s)
			fputs("\xe2\x80\xa6", out);
	}
	strbuf_free(&line);
}

static const char *dot_shape(const struct mot_touchpoint *tp)
{
	if (tp->critical && tp->conversion)
		return "doubleoctagon";
	if (tp->critical)
		return "octagon";
	return "box";
}

static void dot_node(FILE *out, const struct mot_touchpoint *tp)
{
	char emo[8];

	fprintf(out, "\t\t\"%s\" [label=\"", tp->key);
	dot_wrapped(out, tp->name);
	if (!util_str_empty(tp->channel) || !util_str_empty(tp->owner)) {
		fputs("\\n", out);
		dot_str(out, tp->channel);
		if (!util_str_empty(tp->channel) && !util_str_empty(tp->owner))
			fputs(" \xc2\xb7 ", out);
		dot_str(out, tp->owner);
	}
	fprintf(out, "\\nemotion %s%s%s%s\", shape=%s, style=\"%s\", "
		"fillcolor=\"%s\"%s, tooltip=\"",
		export_emotion_str(tp->emotion, emo),
		tp->critical ? " \xc2\xb7 critical" : "",
		tp->human ? " \xc2\xb7 human" : "",
		tp->conversion ? " \xc2\xb7 conversion" : "", dot_shape(tp),
		tp->controlled ? "filled,rounded" : "filled,rounded,dashed",
		export_emotion_fill(tp->emotion),
		tp->conversion ? ", peripheries=2, penwidth=1.5" : "");
	dot_str(out, tp->name);
	if (!util_str_empty(tp->notes)) {
		fputs("\\n", out);
		dot_str(out, tp->notes);
	}
	fputs("\"];\n", out);
}

static void dot_cluster(FILE *out, const struct mot_journey *j,
			enum mot_stage s)
{
	char head[64];

	fprintf(out, "\tsubgraph \"cluster_%s\" {\n\t\tlabel=\"%s\";\n"
		"\t\tstyle=\"rounded,filled\"; fillcolor=\"#f4f6f8\"; "
		"color=\"#c8ced6\"; fontsize=13;\n", model_stage_key(s),
		export_stage_heading(s, head, sizeof head));
	if (model_stage_count(j, s) == 0)
		fprintf(out, "\t\t\"@empty-%s\" [label=\"no touchpoint\", "
			"shape=plaintext, style=\"\", fontcolor=\"#777777\"];\n",
			model_stage_key(s));
	for (size_t i = 0; i < j->n_touchpoints; i++)
		if (j->touchpoints[i].stage == s)
			dot_node(out, &j->touchpoints[i]);
	fputs("\t}\n", out);
}

/* The DOT ids of a stage's nodes: its touchpoints' keys, or the
 * placeholder of an empty stage.  Returns how many went to ids. */
static size_t dot_stage_ids(const struct mot_journey *j, enum mot_stage s,
			    const char **ids, char *empty, size_t emptylen)
{
	size_t n = 0;

	for (size_t i = 0; i < j->n_touchpoints; i++)
		if (j->touchpoints[i].stage == s)
			ids[n++] = j->touchpoints[i].key;
	if (n == 0) {
		snprintf(empty, emptylen, "@empty-%s", model_stage_key(s));
		ids[n++] = empty;
	}
	return n;
}

/*
 * Keep the stage clusters in order from left to right whatever the
 * transitions do: an invisible anchor between two neighbouring stages,
 * every node of the left stage before it and every node of the right one
 * after it.  Loops do not take part in the ranking (constraint=false).
 */
static void dot_stage_order(FILE *out, const struct mot_journey *j)
{
	const char **ids = xcalloc(j->n_touchpoints + 1, sizeof *ids);
	char empty[32];

	for (int s = 0; s + 1 < MOT_STAGE_COUNT; s++) {
		const char *key = model_stage_key((enum mot_stage)s);
		size_t n = dot_stage_ids(j, (enum mot_stage)s, ids, empty,
					 sizeof empty);

		fprintf(out, "\t\"@after-%s\" [shape=point, style=invis, "
			"width=0, height=0, label=\"\"];\n", key);
		for (size_t k = 0; k < n; k++)
			fprintf(out, "\t\"%s\" -> \"@after-%s\" [style=invis];\n",
				ids[k], key);
		n = dot_stage_ids(j, (enum mot_stage)(s + 1), ids, empty,
				  sizeof empty);
		for (size_t k = 0; k < n; k++)
			fprintf(out, "\t\"@after-%s\" -> \"%s\" [style=invis];\n",
				key, ids[k]);
	}
	free(ids);
}

/* Where customers come in: a start point with the entry weights. */
static void dot_entries(FILE *out, const struct mot_journey *j)
{
	char num[32];

	if (j->n_entries == 0)
		return;
	fputs("\t\"@start\" [label=\"start\", shape=circle, style=filled, "
	      "fillcolor=\"#333333\", fontcolor=white, fontsize=9, "
	      "width=0.5, fixedsize=true];\n", out);
	for (size_t e = 0; e < j->n_entries; e++)
		if (model_touchpoint_find(j, j->entries[e].to) >= 0)
			fprintf(out, "\t\"@start\" -> \"%s\" [label=\"%s\"];\n",
				j->entries[e].to, model_format_number(
					j->entries[e].weight, num, sizeof num));
}

/*
 * A transition: its weight (and label) written on it, its width from its
 * share of the touchpoint's weight, or with --sim from the customers who
 * took it.  A loop back is purple and dashed, and does not push its
 * target to the right.
 */
static void dot_edge(FILE *out, const struct mot_journey *j, size_t i,
		     size_t k, const struct export_overlay *ov)
{
	const struct mot_transition *t = &j->touchpoints[i].next[k];
	double sum = journey_out_weight(&j->touchpoints[i]);
	long to = model_touchpoint_find(j, t->to);
	bool loop = journey_is_loop(i, to);
	double width = 1 + 3 * (sum > 0 ? t->weight / sum : 0);
	char num[32];

	if (to < 0)
		return;
	fprintf(out, "\t\"%s\" -> \"%s\" [label=\"%s", j->touchpoints[i].key,
		t->to, model_format_number(t->weight, num, sizeof num));
	if (ov) {
		uint64_t n = export_overlay_flow(ov, i, k);

		fprintf(out, " (%llu)", (unsigned long long)n);
		width = 1 + 9 * (ov->max_flow ? (double)n / ov->max_flow : 0);
	}
	/* the label would crowd the picture: it shows on hover */
	fputs("\", tooltip=\"", out);
	dot_str(out, j->touchpoints[i].name);
	fputs(" \xe2\x86\x92 ", out);
	dot_str(out, j->touchpoints[to].name);
	if (!util_str_empty(t->label)) {
		fputs(": ", out);
		dot_str(out, t->label);
	}
	fprintf(out, "\", penwidth=%.2f%s];\n", width, loop ?
		", color=\"" DOT_LOOP_COLOUR "\", fontcolor=\"" DOT_LOOP_COLOUR
		"\", style=dashed, constraint=false" : "");
}

/* The title and the legend, as the graph's label at the top. */
static void dot_legend(FILE *out, const struct mot_journey *j,
		       const struct export_overlay *ov)
{
	char emo[8];

	fputs("\tlabel=<<table border=\"0\" cellspacing=\"2\" "
	      "cellpadding=\"2\"><tr><td align=\"left\">"
	      "<font point-size=\"18\"><b>", out);
	export_xml_puts(out, j->title, true);
	fputs("</b></font></td></tr>\n\t\t<tr><td align=\"left\"><table "
	      "border=\"0\" cellspacing=\"1\" cellpadding=\"3\"><tr>"
	      "<td>emotion</td>", out);
	for (int e = MOT_EMOTION_MIN; e <= MOT_EMOTION_MAX; e++)
		fprintf(out, "<td bgcolor=\"%s\" border=\"1\" width=\"28\">"
			"%s</td>", export_emotion_fill(e),
			export_emotion_str(e, emo));
	fputs("</tr></table></td></tr>\n\t\t<tr><td align=\"left\">"
	      "octagon: critical \xc2\xb7 double border: conversion \xc2\xb7 "
	      "dashed: not run by us \xc2\xb7 "
	      "<font color=\"" DOT_LOOP_COLOUR "\">dashed purple arrow: loop "
	      "back</font> \xc2\xb7 numbers: transition weights", out);
	if (ov)
		fprintf(out, " \xc2\xb7 edge width: customers of %llu simulated",
			(unsigned long long)ov->sim->customers);
	fputs("</td></tr></table>>;\n", out);
}

int export_dot(FILE *out, const struct mot_journey *j,
	       const struct export_options *opt, char *err,
	       size_t errlen)
{
	struct export_overlay ov;
	int sim = export_overlay_init(&ov, j, opt, err, errlen);

	if (sim < 0)
		return -1;
	fputs("digraph \"", out);
	dot_str(out, j->key);
	fputs("\" {\n\tgraph [rankdir=LR, newrank=true, nodesep=0.3, "
	      "ranksep=0.4, fontname=\"Helvetica\", labelloc=t, "
	      "labeljust=l];\n\tnode [fontname=\"Helvetica\", fontsize=10, "
	      "margin=\"0.12,0.06\"];\n\tedge [fontname=\"Helvetica\", "
	      "fontsize=9, color=\"#555555\", arrowsize=0.7];\n", out);
	dot_legend(out, j, sim ? &ov : NULL);
	for (int s = 0; s < MOT_STAGE_COUNT; s++)
		dot_cluster(out, j, (enum mot_stage)s);
	dot_stage_order(out, j);
	dot_entries(out, j);
	for (size_t i = 0; i < j->n_touchpoints; i++)
		for (size_t k = 0; k < j->touchpoints[i].n_next; k++)
			dot_edge(out, j, i, k, sim ? &ov : NULL);
	fputs("}\n", out);
	if (sim)
		export_overlay_free(&ov);
	return ferror(out) ? -1 : 0;
}
