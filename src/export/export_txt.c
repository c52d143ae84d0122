/*
 * export_txt.c - the text journey map (`mot show`, `mot export -f txt`):
 * stage by stage, each touchpoint with its marks, emotion and details,
 * then its transitions, notes and lanes; every line fitted to the width
 * asked for.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "util.h"

/* Print one line, cut with an ellipsis when wider than `width`. */
static void txt_line(FILE *out, struct strbuf *b, int width)
{
	/* for a terminal: no control character reaches it */
	char *s = util_text_visible(b->s, true);

	if (util_utf8_width(s) <= width) {
		fprintf(out, "%s\n", s);
	} else {
		size_t n = util_utf8_prefix(s, width - 1, NULL);
		fprintf(out, "%.*s\xe2\x80\xa6\n", (int)n, s);
	}
	free(s);
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

/* Four fixed columns of marks, so that cards line up and read without
 * colour: ! critical, H human, $ conversion, ~ not run by the company. */
static void txt_marks(struct strbuf *b, const struct mot_touchpoint *tp)
{
	strbuf_printf(b, "%c%c%c%c", tp->critical ? '!' : ' ',
		      tp->human ? 'H' : ' ', tp->conversion ? '$' : ' ',
		      tp->controlled ? ' ' : '~');
}

static void txt_header(FILE *out, const struct mot_journey *j, int width,
		       struct strbuf *b)
{
	size_t n_tr = 0;
	char num[32];

	for (size_t i = 0; i < j->n_touchpoints; i++)
		n_tr += j->touchpoints[i].n_next;
	strbuf_printf(b, "%s  [%s]", j->title, j->key);
	txt_line(out, b, width);
	if (!util_str_empty(j->description)) {
		/* Descriptions may hold line breaks: one line each. */
		const char *p = j->description, *nl;
		while (*p) {
			nl = strchr(p, '\n');
			strbuf_add(b, p, nl ? (size_t)(nl - p) : strlen(p));
			txt_line(out, b, width);
			if (!nl)
				break;
			p = nl + 1;
		}
	}
	strbuf_printf(b, "%zu touchpoints, %zu transitions, %zu personas",
		      j->n_touchpoints, n_tr, j->n_personas);
	txt_line(out, b, width);
	strbuf_puts(b, "Starts at:");
	if (j->n_entries == 0)
		strbuf_puts(b, " (no entry)");
	for (size_t i = 0; i < j->n_entries; i++)
		strbuf_printf(b, "%s %s (%s)", i ? "," : "", j->entries[i].to,
			      model_format_number(j->entries[i].weight, num,
						  sizeof num));
	txt_line(out, b, width);
	strbuf_puts(b, "Marks: ! critical  H human can take over  $ conversion"
		    "  ~ not run by us");
	txt_line(out, b, width);
}

static void txt_stage_rule(FILE *out, enum mot_stage s, size_t count,
			   int width, struct strbuf *b)
{
	int w;

	strbuf_printf(b, "%s  %s (%zu) ", model_stage_label(s),
		      model_stage_title(s), count);
	w = util_utf8_width(b->s);
	while (w++ < width)
		strbuf_puts(b, "\xe2\x94\x80");	/* ─ */
	txt_line(out, b, width);
}

/* "label: text", a line of text each, the later ones under the first;
 * tabs as spaces. */
static void txt_text(FILE *out, const char *label, const char *text,
		     int width, struct strbuf *b)
{
	const char *p = text;
	int indent = 11 + util_utf8_width(label) + 2;

	if (util_str_empty(text))
		return;
	strbuf_printf(b, "%11s%s: ", "", label);
	for (;;) {
		size_t n = strcspn(p, "\n");

		strbuf_add(b, p, n);
		for (char *c = b->s; *c; c++)
			if (*c == '\t')
				*c = ' ';
		txt_line(out, b, width);
		if (!p[n] || !p[n + 1])
			break;
		p += n + 1;
		strbuf_printf(b, "%*s", indent, "");
	}
}

/* "kpi: CSAT 3.9 of 5 (target 4.5: missed)" */
static void txt_kpi(FILE *out, const struct mot_kpi *k, int width,
		    struct strbuf *b)
{
	char num[32];
	bool unit = !util_str_empty(k->unit);

	strbuf_printf(b, "%11skpi: %s %s%s%s", "", k->name,
		      model_format_number(k->value, num, sizeof num),
		      unit ? " " : "", unit ? k->unit : "");
	if (k->has_target)
		strbuf_printf(b, " (target %s%s: %s)",
			      k->lower_better ? "at most " : "",
			      model_format_number(k->target, num, sizeof num),
			      model_kpi_missed(k) ? "missed" : "met");
	txt_line(out, b, width);
}

/* The lanes under a card, each line labelled: read top to bottom they
 * are the rows of the wall map. */
static void txt_lanes(FILE *out, const struct mot_touchpoint *tp, int width,
		      struct strbuf *b)
{
	static const struct {
		enum mot_lane lane;
		const char *label;
	} lists[] = {
		{ MOT_LANE_PAINS, "pain" },
		{ MOT_LANE_OPPORTUNITIES, "opportunity" },
	};

	txt_text(out, "thinking", tp->thinking, width, b);
	for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
		const struct mot_list *list = model_lane_list_const(tp,
							lists[l].lane);
		for (size_t k = 0; k < list->n; k++)
			txt_text(out, lists[l].label, list->items[k], width, b);
	}
	txt_text(out, "backstage", tp->backstage, width, b);
	for (size_t k = 0; k < tp->evidence.n; k++)
		txt_text(out, "evidence", tp->evidence.items[k], width, b);
	for (size_t k = 0; k < tp->n_kpis; k++)
		txt_kpi(out, &tp->kpis[k], width, b);
}

static void txt_touchpoint(FILE *out, const struct mot_journey *j, size_t i,
			   int width, struct strbuf *b)
{
	const struct mot_touchpoint *tp = &j->touchpoints[i];
	char num[32];

	strbuf_puts(b, "  ");
	txt_marks(b, tp);
	strbuf_printf(b, " %+d  %s  [%s]", tp->emotion, tp->name, tp->key);
	txt_line(out, b, width);
	strbuf_puts(b, "           ");
	if (tp->phase != MOT_PHASE_NONE)
		strbuf_printf(b, "%s  ", model_phase_key(tp->phase));
	if (!util_str_empty(tp->channel))
		strbuf_printf(b, "%s  ", tp->channel);
	if (!util_str_empty(tp->owner))
		strbuf_printf(b, "owner %s  ", tp->owner);
	if (tp->dwell > 0)
		strbuf_printf(b, "%s min  ", model_format_number(tp->dwell, num,
								 sizeof num));
	strbuf_printf(b, "drop %s%%", model_format_number(tp->drop * 100, num,
							  sizeof num));
	txt_line(out, b, width);
	for (size_t k = 0; k < tp->n_next; k++) {
		const struct mot_transition *t = &tp->next[k];
		long to = model_touchpoint_find(j, t->to);

		strbuf_printf(b, "           -> %s  (%s)", t->to,
			      model_format_number(t->weight, num, sizeof num));
		if (!util_str_empty(t->label))
			strbuf_printf(b, "  \"%s\"", t->label);
		/* Going back is the messy middle's loop: say so. */
		if (to >= 0 && (size_t)to <= i)
			strbuf_puts(b, "  [loop back]");
		txt_line(out, b, width);
	}
	if (!util_str_empty(tp->notes)) {
		strbuf_printf(b, "           note: %s", tp->notes);
		for (char *p = b->s; *p; p++)
			if (*p == '\n')
				*p = ' ';
		txt_line(out, b, width);
	}
	txt_lanes(out, tp, width, b);
}

static void txt_personas(FILE *out, const struct mot_journey *j, int width,
			 struct strbuf *b)
{
	char share[32], bias[32], sens[32];

	if (j->n_personas == 0)
		return;
	fputc('\n', out);
	strbuf_puts(b, "Personas");
	txt_line(out, b, width);
	for (size_t i = 0; i < j->n_personas; i++) {
		const struct mot_persona *p = &j->personas[i];

		strbuf_printf(b, "  %s  [%s]  share %s%%  patience %d  explore x%s"
			      "  sensitivity x%s", p->name, p->key,
			      model_format_number(p->share * 100, share, sizeof share),
			      p->patience,
			      model_format_number(p->explore_bias, bias, sizeof bias),
			      model_format_number(p->emotion_sensitivity, sens,
						  sizeof sens));
		txt_line(out, b, width);
	}
}

int export_txt(FILE *out, const struct mot_journey *j,
	       const struct export_options *opt, char *err,
	       size_t errlen)
{
	int width = opt && opt->width >= 20 ? opt->width : 80;
	struct strbuf b;
	size_t i = 0;

	strbuf_init(&b);
	txt_header(out, j, width, &b);
	for (int s = 0; s < MOT_STAGE_COUNT; s++) {
		size_t count = model_stage_count(j, s);

		fputc('\n', out);
		txt_stage_rule(out, s, count, width, &b);
		if (count == 0) {
			strbuf_puts(&b, "  (no touchpoint)");
			txt_line(out, &b, width);
		}
		/* Touchpoints are sorted by stage (model.h). */
		for (; i < j->n_touchpoints && j->touchpoints[i].stage == (enum mot_stage)s; i++)
			txt_touchpoint(out, j, i, width, &b);
	}
	txt_personas(out, j, width, &b);
	strbuf_free(&b);
	return ferror(out) ? -1 : 0;
}
