/*
 * export_md.c - a Markdown journey map for wikis and READMEs: a section
 * per stage with one table of touchpoints, then the transitions and the
 * personas.  GitHub-flavoured tables; every piece of user text is escaped
 * so that it shows as typed and cannot break a table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "export_util.h"
#include "journey_path.h"
#include "util.h"

/*
 * Write user text inline.  Markdown punctuation is backslash-escaped
 * (GitHub also reads $...$ as math and ~x~ as strike-through), `|` so that
 * it does not end a table cell, and line breaks become <br>, the only
 * break a table cell can hold.
 */
static void md_text(FILE *out, const char *text)
{
	/* control characters written visibly ("^["), never raw */
	char *vis = util_text_visible(text, false);

	for (const char *s = vis; *s; s++) {
		if (*s == '\n')
			fputs("<br>", out);
		else if (strchr("\\`*_[]<>|~&#$!", *s))
			fprintf(out, "\\%c", *s);
		else
			fputc(*s, out);
	}
	free(vis);
}

/* A paragraph: also escape what would start a list, quote or heading. */
static void md_paragraph(FILE *out, const char *s)
{
	size_t digits = strspn(s, "0123456789");

	if (strchr("-+=>", s[0]) && s[0])
		fputc('\\', out);
	else if (digits && (s[digits] == '.' || s[digits] == ')'))
		fprintf(out, "%.*s\\", (int)digits, s), s += digits;
	md_text(out, s);
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
	fprintf(out, "Journey `%s` \xc2\xb7 %zu touchpoints \xc2\xb7 %zu "
		"transitions \xc2\xb7 starts at ", j->key, j->n_touchpoints, n_tr);
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
	fprintf(out, "**<br>`%s`%s | %s | ", tp->key,
		tp->controlled ? "" : " \xc2\xb7 not run by us",
		model_phase_key(tp->phase));
	md_text(out, tp->channel);
	fputs(" | ", out);
	md_text(out, tp->owner);
	fprintf(out, " | %s %s | %s | %s | %s | ",
		export_emotion_face(tp->emotion),
		export_emotion_str(tp->emotion, emo),
		tp->critical ? "yes" : "", tp->human ? "yes" : "",
		tp->conversion ? "yes" : "");
	md_text(out, tp->notes);
	fputs(" |\n", out);
}

static void md_stage(FILE *out, const struct mot_journey *j, enum mot_stage s)
{
	char head[64];

	fputs("\n## ", out);
	md_text(out, export_stage_heading(s, head, sizeof head));
	fputs("\n\n", out);
	if (model_stage_count(j, s) == 0) {
		fputs("_No touchpoint in this stage._\n", out);
		return;
	}
	fputs("| Touchpoint | Phase | Channel | Owner | Emotion | Critical "
	      "| Human | Conversion | Notes |\n"
	      "| --- | --- | --- | --- | :---: | :---: | :---: | :---: "
	      "| --- |\n", out);
	for (size_t i = 0; i < j->n_touchpoints; i++)
		if (j->touchpoints[i].stage == s)
			md_touchpoint_row(out, &j->touchpoints[i]);
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
	      const struct export_options *opt, char *err,
	      size_t errlen)
{
	(void)opt;
	md_header(out, j);
	for (int s = 0; s < MOT_STAGE_COUNT; s++)
		md_stage(out, j, (enum mot_stage)s);
	md_transitions(out, j);
	md_personas(out, j);
	return ferror(out) ? -1 : 0;
}
