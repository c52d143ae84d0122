/*
 * export_md.c - a Markdown journey map for wikis and READMEs: a section
 * per stage with one table of touchpoints, then for each touchpoint with
 * notes or lanes a section of its own (notes, thinking and feeling, pain
 * points, opportunities, backstage, evidence, KPIs), then the transitions
 * and the personas.  GitHub-flavoured tables; every piece of user text is
 * escaped so that it shows as typed and cannot break a table or start a
 * list, a heading or a quote.
 *
 * Nothing here needs HTML: renderers that drop raw HTML (many wikis, chat
 * previews) ran "portal<br>pull" together as "portalpull".  A table cell
 * cannot hold a line break without HTML, so the table holds only one-line
 * fields (a line break inside a name reads as a space); text that has
 * lines of its own goes into the touchpoint's section, where a backslash
 * at the end of a line is a hard line break in CommonMark.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "export_util.h"
#include "journey_path.h"
#include "util.h"

/* One line's start: escape what would begin a list, a quote, a
 * heading underline or a numbered item ("1." "1)"). */
static const char *md_line_start(FILE *out, const char *s)
{
	size_t digits = strspn(s, "0123456789");

	if (s[0] && strchr("-+=>", s[0]))
		fputc('\\', out);
	else if (digits && (s[digits] == '.' || s[digits] == ')'))
		return fprintf(out, "%.*s\\", (int)digits, s), s + digits;
	return s;
}

/*
 * Write user text inline.  Markdown punctuation is backslash-escaped
 * (GitHub also reads $...$ as math and ~x~ as strike-through) and `|` so
 * that it does not end a table cell.  A line break becomes `hard` (a
 * hard break and the next line, or a space where a line cannot break),
 * and every line begins so that it cannot open a block; line breaks at
 * the end are dropped (a hard break cannot end a paragraph).
 */
static void md_text_lines(FILE *out, const char *text, const char *hard)
{
	/* control characters written visibly ("^["), never raw */
	char *vis = util_text_visible(text, false);
	const char *s = md_line_start(out, vis);

	for (; *s; s++) {
		if (*s == '\r')
			continue;
		if (*s == '\n' && s[1 + strspn(s + 1, "\r\n")] == '\0')
			break;
		if (*s == '\n') {
			fputs(hard, out);
			s = md_line_start(out, s + 1) - 1;
		} else if (strchr("\\`*_[]<>|~&#$!", *s)) {
			fprintf(out, "\\%c", *s);
		} else {
			fputc(*s, out);
		}
	}
	free(vis);
}

/* Text on one line: a table cell, a heading, a list item. */
static void md_text(FILE *out, const char *s)
{
	md_text_lines(out, s, " ");
}

/* A paragraph: its line breaks kept as hard breaks. */
static void md_paragraph(FILE *out, const char *s)
{
	md_text_lines(out, s, "\\\n");
	fputs("\n\n", out);
}

static void md_header(FILE *out, const struct mot_journey *j)
{
	size_t n_tr = 0;
	char num[32];

	for (size_t i = 0; i < j->n_touchpoints; i++)
		n_tr += j->touchpoints[i].n_next;
	fputs("# ", out);
	md_text(out, j->title);
	fputs("\n\n", out);
	if (!util_str_empty(j->description))
		md_paragraph(out, j->description);
	fprintf(out, "Journey `%s` \xc2\xb7 %zu touchpoint%s \xc2\xb7 %zu "
		"transition%s \xc2\xb7 starts at ", j->key, j->n_touchpoints,
		j->n_touchpoints == 1 ? "" : "s", n_tr, n_tr == 1 ? "" : "s");
	if (j->n_entries == 0)
		fputs("no entry", out);
	for (size_t e = 0; e < j->n_entries; e++) {
		long t = model_touchpoint_find(j, j->entries[e].to);

		fputs(e ? ", " : "", out);
		md_text(out, t >= 0 ? j->touchpoints[t].name : j->entries[e].to);
		fprintf(out, " (weight %s)", model_format_number(
				j->entries[e].weight, num, sizeof num));
	}
	fputs("\n", out);
}

static void md_touchpoint_row(FILE *out, const struct mot_touchpoint *tp)
{
	char emo[8];

	fputs("| **", out);
	md_text(out, tp->name);
	fprintf(out, "** | `%s`%s | %s | ", tp->key,
		tp->controlled ? "" : " \xc2\xb7 not run by us",
		model_phase_key(tp->phase));
	md_text(out, tp->channel);
	fputs(" | ", out);
	md_text(out, tp->owner);
	fprintf(out, " | %s %s | %s | %s | %s |\n",
		export_emotion_face(tp->emotion),
		export_emotion_str(tp->emotion, emo),
		tp->critical ? "yes" : "", tp->human ? "yes" : "",
		tp->conversion ? "yes" : "");
}

/* A list lane, or the KPIs (with their mark in words), as a list. */
static void md_items(FILE *out, const struct mot_touchpoint *tp,
		     enum mot_lane l)
{
	const struct mot_list *list = model_lane_list_const(tp, l);

	fputs("\n", out);
	for (size_t i = 0; list && i < list->n; i++) {
		fputs("- ", out);
		md_text(out, list->items[i]);
		fputs("\n", out);
	}
	for (size_t i = 0; l == MOT_LANE_KPIS && i < tp->n_kpis; i++) {
		const struct mot_kpi *k = &tp->kpis[i];
		char *text = export_kpi_text(k);

		fputs("- ", out);
		md_text(out, text);
		fprintf(out, "%s\n", export_kpi_mark(k));
		free(text);
	}
	fputs("\n", out);
}

/* The notes and the lanes of one touchpoint, under its name. */
static void md_touchpoint_lanes(FILE *out, const struct mot_touchpoint *tp,
				unsigned lanes)
{
	bool any = !util_str_empty(tp->notes);

	for (int l = 0; l < MOT_LANE_COUNT; l++)
		any |= (lanes & EXPORT_LANE_BIT(l)) &&
			model_lane_filled(tp, (enum mot_lane)l);
	if (!any)
		return;
	fputs("\n### ", out);
	md_text(out, tp->name);
	fputs("\n\n", out);
	if (!util_str_empty(tp->notes))
		md_paragraph(out, tp->notes);
	for (int l = 0; l < MOT_LANE_COUNT; l++) {
		enum mot_lane lane = (enum mot_lane)l;

		if (!(lanes & EXPORT_LANE_BIT(l)) || !model_lane_filled(tp, lane))
			continue;
		fprintf(out, "**%s:**", model_lane_title(lane));
		if (lane == MOT_LANE_THINKING || lane == MOT_LANE_BACKSTAGE) {
			fputs(" ", out);
			md_paragraph(out, lane == MOT_LANE_THINKING ? tp->thinking :
				     tp->backstage);
		} else {
			fputs("\n", out);
			md_items(out, tp, lane);
		}
	}
}

static void md_stage(FILE *out, const struct mot_journey *j, enum mot_stage s,
		     unsigned lanes)
{
	char head[64];

	fputs("\n## ", out);
	md_text(out, export_stage_heading(s, head, sizeof head));
	fputs("\n\n", out);
	if (model_stage_count(j, s) == 0) {
		fputs("_No touchpoint in this stage._\n", out);
		return;
	}
	fputs("| Touchpoint | Key | Phase | Channel | Owner | Emotion | "
	      "Critical | Human | Conversion |\n"
	      "| --- | --- | --- | --- | --- | :---: | :---: | :---: | :---: |\n",
	      out);
	for (size_t i = 0; i < j->n_touchpoints; i++)
		if (j->touchpoints[i].stage == s)
			md_touchpoint_row(out, &j->touchpoints[i]);
	for (size_t i = 0; i < j->n_touchpoints; i++)
		if (j->touchpoints[i].stage == s)
			md_touchpoint_lanes(out, &j->touchpoints[i], lanes);
}

static void md_transition_row(FILE *out, const struct mot_journey *j,
			      size_t i, const struct mot_transition *t,
			      double sum)
{
	long to = model_touchpoint_find(j, t->to);
	char num[32];

	fputs("| ", out);
	md_text(out, j->touchpoints[i].name);
	fputs(" | ", out);
	md_text(out, to >= 0 ? j->touchpoints[to].name : t->to);
	fprintf(out, " | %s | %.0f%% | ",
		model_format_number(t->weight, num, sizeof num),
		sum > 0 ? t->weight / sum * 100 : 0);
	md_text(out, t->label);
	/* ↩: the messy middle's way back */
	fprintf(out, " | %s |\n", journey_is_loop(i, to) ?
		"\xe2\x86\xa9 loop back" : "");
}

static void md_transitions(FILE *out, const struct mot_journey *j)
{
	size_t n = 0;

	fputs("\n## Transitions\n\n", out);
	for (size_t i = 0; i < j->n_touchpoints; i++)
		n += j->touchpoints[i].n_next;
	if (n == 0) {
		fputs("_No transition._\n", out);
		return;
	}
	fputs("Share is the chance of taking a transition from its "
	      "touchpoint (its weight over the sum of that touchpoint's "
	      "weights).\n\n"
	      "| From | To | Weight | Share | Label | Loop |\n"
	      "| --- | --- | ---: | ---: | --- | --- |\n", out);
	for (size_t i = 0; i < j->n_touchpoints; i++) {
		const struct mot_touchpoint *tp = &j->touchpoints[i];
		double sum = journey_out_weight(tp);

		for (size_t k = 0; k < tp->n_next; k++)
			md_transition_row(out, j, i, &tp->next[k], sum);
	}
}

static void md_personas(FILE *out, const struct mot_journey *j)
{
	char a[32], b[32], c[32];

	if (j->n_personas == 0)
		return;
	fputs("\n## Personas\n\n"
	      "| Persona | Share | Patience | Explore bias | Emotion "
	      "sensitivity | Description |\n"
	      "| --- | ---: | ---: | ---: | ---: | --- |\n", out);
	for (size_t i = 0; i < j->n_personas; i++) {
		const struct mot_persona *p = &j->personas[i];

		fputs("| ", out);
		md_text(out, p->name);
		fprintf(out, " | %s%% | %d | %s | %s | ",
			model_format_number(p->share * 100, a, sizeof a),
			p->patience,
			model_format_number(p->explore_bias, b, sizeof b),
			model_format_number(p->emotion_sensitivity, c, sizeof c));
		md_text(out, p->description);
		fputs(" |\n", out);
	}
}

int export_md(FILE *out, const struct mot_journey *j,
	      const struct export_options *opt, char *err, size_t errlen)
{
	unsigned lanes = export_lanes_pick(j, opt ? opt->lanes : 0,
					   EXPORT_LANES_ALL);

	md_header(out, j);
	for (int s = 0; s < MOT_STAGE_COUNT; s++)
		md_stage(out, j, (enum mot_stage)s, lanes);
	md_transitions(out, j);
	md_personas(out, j);
	return ferror(out) ? -1 : 0;
}
