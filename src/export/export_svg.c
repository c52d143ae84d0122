/*
 * export_svg.c - the journey map as a picture for workshops, slides and
 * the wall: a column per stage with a card per touchpoint (name, channel,
 * owner, emotion, marks), the loops of the messy middle as arrows routed
 * between the cards, the lanes under them, the emotion curve along the
 * most likely path, and a legend; with --sim a heat bar of simulated
 * visits and drop-offs on every card.  This file draws; where things go
 * is export_svg_layout.c (and _route.c, _lanes.c, _text.c).
 *
 * Presentation attributes rather than CSS, and arrowheads drawn as
 * polygons rather than markers: slide programs import those faithfully.
 * The classes (mot-card, mot-loop, mot-arrowhead) are for tests and
 * style sheets; nothing depends on them.
 *
 * export_html.c puts the same picture into a page (export_svg_picture()).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "export_svg_int.h"
#include "journey_path.h"
#include "util.h"

/* --- pieces ----------------------------------------------------------- */

/* "1 persona", "3 personas" */
static const char *svg_plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void svg_header(FILE *out, const struct svg_map *m)
{
	const struct mot_journey *j = m->j;
	double w = m->width - 2 * SVG_MARGIN, y = SVG_MARGIN + 22;
	struct svg_line lines[2];
	size_t n_tr = 0, n;

	if (m->header_h == 0)
		return;
	svg_text_cut(out, SVG_MARGIN, y, w, 24, true,
		     "font-size=\"24\" font-weight=\"bold\" fill=\"" SVG_INK "\"",
		     j->title);
	n = util_str_empty(j->description) ? 0 :
		svg_wrap(j->description, w, 13, false, lines, 2, NULL);
	for (size_t i = 0; i < n; i++)
		svg_text_line(out, SVG_MARGIN, y + 21 + 16 * (double)i,
			      "font-size=\"13\" fill=\"" SVG_MUTED "\"", &lines[i]);
	for (size_t i = 0; i < j->n_touchpoints; i++)
		n_tr += j->touchpoints[i].n_next;
	fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\""
		SVG_MUTED "\">", SVG_MARGIN, y + 56);
	export_xml_puts(out, j->key, true);
	fprintf(out, " \xc2\xb7 %zu %s \xc2\xb7 %zu %s \xc2\xb7 %zu %s</text>\n",
		j->n_touchpoints, svg_plural(j->n_touchpoints, "touchpoint",
					     "touchpoints"),
		n_tr, svg_plural(n_tr, "transition", "transitions"),
		j->n_personas, svg_plural(j->n_personas, "persona", "personas"));
}

static void svg_stages(FILE *out, const struct svg_map *m)
{
	static const char *band[] = { "#dbe4f0", "#d3e0ee", "#cbdcec",
				      "#c3d7ea", "#bbd3e8" };
	double bottom = m->curve_top - 4;

	for (int s = 0; s < MOT_STAGE_COUNT; s++) {
		enum mot_stage st = (enum mot_stage)s;
		double x = svg_stage_left(m, st), w = svg_stage_right(m, st) - x;
		size_t n = model_stage_count(m->j, st);

		fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
			"height=\"%.1f\" rx=\"10\" fill=\"#f5f7fa\"/>\n"
			"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
			"rx=\"10\" fill=\"%s\"/>\n", x, m->stage_top, w,
			bottom - m->stage_top, x, m->stage_top, w,
			SVG_STAGE_H - 6, band[s]);
		fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"17\" "
			"font-weight=\"bold\" fill=\"" SVG_INK "\">", x + 12,
			m->stage_top + 20);
		export_xml_puts(out, model_stage_label(st), true);
		fprintf(out, "</text>\n<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" "
			"fill=\"" SVG_MUTED "\">%s \xc2\xb7 %zu %s</text>\n",
			x + 12, m->stage_top + 35, model_stage_title(st), n,
			svg_plural(n, "touchpoint", "touchpoints"));
		if (n == 0)
			fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" "
				"font-style=\"italic\" fill=\"" SVG_MUTED "\">no "
				"touchpoint</text>\n", x + 16, m->cards_top + 30);
	}
}

/* A small face whose mouth bends with the emotion: reads without colour
 * and needs no emoji font. */
static void svg_face(FILE *out, double cx, double cy, double r, int emotion)
{
	double bend = (double)emotion / 3.0 * r * 0.45;

	fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>"
		"<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.3\" fill=\"" SVG_INK "\"/>"
		"<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.3\" fill=\"" SVG_INK "\"/>"
		"<path d=\"M%.1f %.1f Q%.1f %.1f %.1f %.1f\" fill=\"none\" "
		"stroke=\"" SVG_INK "\" stroke-width=\"1.3\" "
		"stroke-linecap=\"round\"/>\n",
		cx, cy, r, export_emotion_ink(emotion),
		cx - r * 0.35, cy - r * 0.25, cx + r * 0.35, cy - r * 0.25,
		cx - r * 0.45, cy + r * 0.3 - bend / 2, cx, cy + r * 0.3 + bend,
		cx + r * 0.45, cy + r * 0.3 - bend / 2);
}

/* A letter in a rounded square: the marks of the text map. */
static void svg_chip(FILE *out, double x, double y, const char *letter,
		     const char *fill, const char *what)
{
	fprintf(out, "<g><title>%s</title><rect x=\"%.1f\" y=\"%.1f\" "
		"width=\"16\" height=\"16\" rx=\"4\" fill=\"%s\"/><text "
		"x=\"%.1f\" y=\"%.1f\" font-size=\"11\" font-weight=\"bold\" "
		"fill=\"#ffffff\" text-anchor=\"middle\">%s</text></g>\n", what,
		x, y, fill, x + 8, y + 12, letter);
}

/* Marks from the right edge leftwards; returns where they begin. */
static double svg_marks(FILE *out, const struct mot_touchpoint *tp,
			double right, double y)
{
	double x = right;

	if (!tp->controlled)
		svg_chip(out, x -= 19, y, "~", "#7b8794", "not run by us");
	if (tp->human)
		svg_chip(out, x -= 19, y, "H", "#2c7fb8", "a human can take over");
	if (tp->conversion)
		svg_chip(out, x -= 19, y, "$", "#1a9850", "conversion");
	if (tp->critical)
		svg_chip(out, x -= 19, y, "!", "#b2182b", "critical moment");
	return x;
}

/* Visits and drop-offs of --sim: a bar as long as the share of customers
 * who came by, hotter the busier, and "left here": the share of those
 * who came by that left the journey there, as the designer's map shows
 * it (one definition for both, see mot(1)). */
static void svg_heat(FILE *out, const struct svg_map *m, size_t i,
		     double x, double y, double w)
{
	const struct export_sim *sim = m->ov->sim;
	double all = (double)sim->customers;
	double share = all > 0 ? (double)sim->reach[i] / all : 0;
	double left = sim->reach[i] > 0 ?
		(double)sim->drops[i] / (double)sim->reach[i] : 0;
	double heat = m->ov->max_visits ?
		(double)sim->reach[i] / (double)m->ov->max_visits : 0;
	char text[128];

	fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"6\" "
		"rx=\"3\" fill=\"#e4e7eb\"/><rect x=\"%.1f\" y=\"%.1f\" "
		"width=\"%.1f\" height=\"6\" rx=\"3\" fill=\"rgb(%d,%d,60)\"/>\n",
		x, y, w, x, y, w * (share > 1 ? 1 : share),
		230 + (int)(25 * heat), (int)(200 * (1 - heat)) + 30);
	snprintf(text, sizeof text, "%.0f%% came by \xc2\xb7 %.0f%% of them "
		 "left here", share * 100, left * 100);
	fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\""
		SVG_MUTED "\">%s</text>\n", x, y + 17, text);
}

/* "channel · owner", or NULL when the card has neither (free it). */
static char *svg_card_meta(const struct mot_touchpoint *tp)
{
	bool ch = !util_str_empty(tp->channel), own = !util_str_empty(tp->owner);

	if (!ch && !own)
		return NULL;
	return xasprintf("%s%s%s", ch ? tp->channel : "",
			 ch && own ? " \xc2\xb7 " : "", own ? tp->owner : "");
}

/* Room for the name: the step number takes the top right corner. */
static double svg_name_w(const struct svg_map *m, size_t i)
{
	return m->card_w - 26 - (m->cards[i].step ? 24 : 0);
}

static void svg_card_text(FILE *out, const struct svg_map *m, size_t i)
{
	const struct mot_touchpoint *tp = &m->j->touchpoints[i];
	const struct svg_card *c = &m->cards[i];
	double x = c->x + 16;
	struct svg_line lines[SVG_NAME_LINES];
	size_t n = svg_wrap(tp->name, svg_name_w(m, i), 13, true, lines,
			    SVG_NAME_LINES, NULL);
	char emo[8], *meta = svg_card_meta(tp);
	double marks;

	for (size_t k = 0; k < n; k++)
		svg_text_line(out, x, c->y + 20 + 16 * (double)k,
			      "class=\"mot-name\" font-size=\"13\" "
			      "font-weight=\"bold\" fill=\"" SVG_INK "\"", &lines[k]);
	if (meta)
		svg_text_cut(out, x, c->y + 52, m->card_w - 26, 11, false,
			     "font-size=\"11\" fill=\"" SVG_MUTED "\"", meta);
	free(meta);
	svg_face(out, x + 7, c->y + 68, 8, tp->emotion);
	fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" "
		"font-weight=\"bold\" fill=\"" SVG_INK "\">%s</text>\n", x + 19,
		c->y + 72, export_emotion_str(tp->emotion, emo));
	marks = svg_marks(out, tp, c->x + m->card_w - 8, c->y + 60);
	if (tp->phase != MOT_PHASE_NONE)
		svg_text_cut(out, x + 44, c->y + 72, marks - x - 48, 11, false,
			     "font-size=\"11\" font-style=\"italic\" fill=\""
			     SVG_MUTED "\"", model_phase_key(tp->phase));
	if (m->ov)
		svg_heat(out, m, i, x, c->y + SVG_CARD_H - 2, m->card_w - 26);
}

/* Whether the card cuts its name or its channel and owner: then, and
 * only then, the full text is its tooltip (the HTML page prints it). */
static bool svg_card_cut(const struct svg_map *m, size_t i)
{
	const struct mot_touchpoint *tp = &m->j->touchpoints[i];
	struct svg_line lines[SVG_NAME_LINES];
	char *meta = svg_card_meta(tp);
	bool cut;

	svg_wrap(tp->name, svg_name_w(m, i), 13, true, lines, SVG_NAME_LINES,
		 &cut);
	cut |= strpbrk(tp->name, "\r\n") != NULL;
	cut |= meta && !svg_text_fits(meta, m->card_w - 26, 11, false);
	free(meta);
	return cut;
}

static void svg_card(FILE *out, const struct svg_map *m, size_t i)
{
	const struct mot_touchpoint *tp = &m->j->touchpoints[i];
	const struct svg_card *c = &m->cards[i];

	fputs("<g>\n", out);
	if (svg_card_cut(m, i)) {
		char *meta = svg_card_meta(tp);

		fputs("<title>", out);
		export_xml_puts(out, tp->name, false);
		if (meta) {
			fputs("\n", out);
			export_xml_puts(out, meta, false);
		}
		fputs("</title>\n", out);
		free(meta);
	}
	fprintf(out, "<clipPath id=\"mot-clip-%zu\"><rect x=\"%.1f\" "
		"y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"8\"/></clipPath>\n",
		i, c->x, c->y, m->card_w, m->card_h);
	fprintf(out, "<rect class=\"mot-card\" x=\"%.1f\" y=\"%.1f\" "
		"width=\"%.1f\" height=\"%.1f\" rx=\"8\" fill=\"%s\" "
		"stroke=\"%s\" stroke-width=\"%s\"%s/>\n",
		c->x, c->y, m->card_w, m->card_h,
		export_emotion_fill(tp->emotion),
		tp->critical ? "#b2182b" : "#9aa5b1",
		tp->critical ? "2.5" : "1",
		tp->controlled ? "" : " stroke-dasharray=\"5 3\"");
	fprintf(out, "<g clip-path=\"url(#mot-clip-%zu)\">\n<rect x=\"%.1f\" "
		"y=\"%.1f\" width=\"6\" height=\"%.1f\" fill=\"%s\"/>\n", i,
		c->x, c->y, m->card_h, export_emotion_ink(tp->emotion));
	svg_card_text(out, m, i);
	if (c->step)
		fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"10\" fill=\""
			SVG_INK "\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" "
			"font-weight=\"bold\" fill=\"#ffffff\" "
			"text-anchor=\"middle\">%ld</text>\n",
			c->x + m->card_w - 16, c->y + 16, c->x + m->card_w - 16,
			c->y + 19.5, c->step);
	fputs("</g>\n</g>\n", out);
}

/* --- loops ------------------------------------------------------------ */

/* An arrowhead at (x, y) pointing away from (fx, fy). */
static void svg_arrowhead(FILE *out, double fx, double fy, double x, double y)
{
	double dx = x - fx, dy = y - fy, len = sqrt(dx * dx + dy * dy);

	if (len == 0)
		return;
	dx /= len;
	dy /= len;
	fprintf(out, "<polygon class=\"mot-arrowhead\" points=\"%.1f,%.1f "
		"%.1f,%.1f %.1f,%.1f\" fill=\"" SVG_LOOP "\"/>\n", x, y,
		x - 9 * dx - 4.5 * dy, y - 9 * dy + 4.5 * dx,
		x - 9 * dx + 4.5 * dy, y - 9 * dy - 4.5 * dx);
}

/* p moved d towards q. */
static struct svg_pt svg_towards(struct svg_pt p, struct svg_pt q, double d)
{
	double dx = q.x - p.x, dy = q.y - p.y, len = sqrt(dx * dx + dy * dy);

	if (len == 0)
		return p;
	return (struct svg_pt){ p.x + dx / len * d, p.y + dy / len * d };
}

static double svg_dist(struct svg_pt p, struct svg_pt q)
{
	return sqrt((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y));
}

/*
 * A routed loop: straight runs with rounded corners, ending where its
 * arrowhead begins.  The corners stay inside the runs they join, so the
 * arrow keeps to the channels and gaps it was routed in.
 */
static void svg_loop(FILE *out, const struct svg_map *m,
		     const struct svg_route *r)
{
	const struct mot_transition *t = &m->j->touchpoints[r->from].next[r->k];
	const struct svg_pt *p = r->pt;
	struct svg_pt end = svg_towards(p[r->n_pt - 1], p[r->n_pt - 2], 8);
	char num[32];

	fputs("<g><title>loop back: ", out);
	export_xml_puts(out, m->j->touchpoints[r->from].name, true);
	fputs(" \xe2\x86\x92 ", out);
	export_xml_puts(out, m->j->touchpoints[r->to].name, true);
	fprintf(out, " (weight %s)</title>\n<path class=\"mot-loop\" "
		"d=\"M%.1f %.1f", model_format_number(t->weight, num, sizeof num),
		p[0].x, p[0].y);
	for (size_t i = 1; i + 1 < r->n_pt; i++) {
		double rad = fmin(6, fmin(svg_dist(p[i - 1], p[i]),
					  svg_dist(p[i], p[i + 1])) / 2);
		struct svg_pt in, outp;

		if (i + 2 == r->n_pt)	/* the last run ends at the arrowhead */
			rad = fmax(0, fmin(rad, svg_dist(p[i], p[i + 1]) - 8));
		in = svg_towards(p[i], p[i - 1], rad);
		outp = svg_towards(p[i], p[i + 1], rad);
		fprintf(out, " L%.1f %.1f Q%.1f %.1f %.1f %.1f", in.x, in.y,
			p[i].x, p[i].y, outp.x, outp.y);
	}
	fprintf(out, " L%.1f %.1f\" fill=\"none\" stroke=\"" SVG_LOOP "\" "
		"stroke-width=\"1.8\" stroke-opacity=\"0.8\" "
		"stroke-linejoin=\"round\"/>\n", end.x, end.y);
	svg_arrowhead(out, p[r->n_pt - 2].x, p[r->n_pt - 2].y,
		      p[r->n_pt - 1].x, p[r->n_pt - 1].y);
	fputs("</g>\n", out);
}

static void svg_loops(FILE *out, const struct svg_map *m)
{
	for (size_t i = 0; i < m->n_routes; i++)
		svg_loop(out, m, &m->routes[i]);
}

/* --- the emotion curve -------------------------------------------------- */

static double svg_emotion_y(const struct svg_map *m, double emotion)
{
	return m->curve_top + 44 + (MOT_EMOTION_MAX - emotion) /
		(MOT_EMOTION_MAX - MOT_EMOTION_MIN) * SVG_PLOT_H;
}

/* x of the k-th path step: in its stage's column, the steps of one stage
 * spread evenly in the order they are walked. */
static double svg_step_x(const struct svg_map *m, size_t k)
{
	enum mot_stage s = m->j->touchpoints[m->path[k]].stage;
	size_t before = 0, all = 0;

	for (size_t q = 0; q < m->n_path; q++)
		if (m->j->touchpoints[m->path[q]].stage == s) {
			before += q < k;
			all++;
		}
	return svg_stage_left(m, s) + (svg_stage_right(m, s) -
		svg_stage_left(m, s)) * (double)(before + 1) / (double)(all + 1);
}

static void svg_curve_axes(FILE *out, const struct svg_map *m)
{
	char emo[8];

	fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"14\" "
		"font-weight=\"bold\" fill=\"" SVG_INK "\">Emotion along the "
		"most likely path</text>\n", SVG_MARGIN, m->curve_top + 18);
	for (int e = MOT_EMOTION_MIN; e <= MOT_EMOTION_MAX; e++) {
		double y = svg_emotion_y(m, e);

		fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
			"y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"/>\n"
			"<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\""
			SVG_MUTED "\" text-anchor=\"end\">%s</text>\n",
			SVG_MARGIN + 22, y, m->width - SVG_MARGIN, y,
			e ? "#e4e7eb" : "#9aa5b1", e ? "1" : "1.5",
			SVG_MARGIN + 16, y + 3.5, export_emotion_str(e, emo));
	}
}

static void svg_curve(FILE *out, const struct svg_map *m)
{
	svg_curve_axes(out, m);
	if (m->n_path == 0) {
		fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" "
			"fill=\"" SVG_MUTED "\">No entry: there is no path to "
			"draw.</text>\n", SVG_MARGIN + 30, svg_emotion_y(m, 0) - 6);
		return;
	}
	/* A step back to an earlier stage is dashed in the loop colour, so
	 * that the jump reads as going back, not as a stretch of time. */
	for (size_t k = 1; k < m->n_path; k++) {
		const struct mot_touchpoint *a = &m->j->touchpoints[m->path[k - 1]];
		const struct mot_touchpoint *b = &m->j->touchpoints[m->path[k]];
		bool back = b->stage < a->stage;

		fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
			"y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
			svg_step_x(m, k - 1), svg_emotion_y(m, a->emotion),
			svg_step_x(m, k), svg_emotion_y(m, b->emotion),
			back ? SVG_LOOP : SVG_INK,
			back ? " stroke-dasharray=\"6 4\"" : "");
	}
	for (size_t k = 0; k < m->n_path; k++) {
		const struct mot_touchpoint *tp = &m->j->touchpoints[m->path[k]];
		double x = svg_step_x(m, k), y = svg_emotion_y(m, tp->emotion);

		fputs("<g><title>", out);
		export_xml_puts(out, tp->name, true);
		fprintf(out, "</title><circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" "
			"fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"2\"/>"
			"<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" "
			"font-weight=\"bold\" fill=\"" SVG_INK "\" "
			"text-anchor=\"middle\">%zu</text></g>\n", x, y,
			export_emotion_ink(tp->emotion), x, y - 11, k + 1);
	}
}

/* --- legend ------------------------------------------------------------- */

/* What the legend explains, in its order. */
enum svg_key {
	SVG_KEY_EMOTION, SVG_KEY_CRITICAL, SVG_KEY_CONVERSION, SVG_KEY_HUMAN,
	SVG_KEY_EXTERNAL, SVG_KEY_STEP, SVG_KEY_LOOP, SVG_KEY_KPI_MET,
	SVG_KEY_KPI_MISSED, SVG_KEY_COUNT
};

static const char *const svg_key_text[SVG_KEY_COUNT] = {
	"Emotion", "critical moment", "conversion", "a human can take over",
	"not run by us (dashed)", "step of the most likely path",
	"loop back (messy middle); only loops are drawn, not the way forward",
	"KPI on target", "KPI off target (bold)",
};

#define SVG_KEY_ROW 26.0
#define SVG_KEY_SWATCHES (7 * 58.0)	/* the emotion scale after its word */

/* The mark of a legend entry at (x, y), the top of its row. */
static void svg_key_mark(FILE *out, enum svg_key k, double x, double y)
{
	static const char *const chip[][3] = {
		{ "!", "#b2182b", "critical moment" },
		{ "$", "#1a9850", "conversion" },
		{ "H", "#2c7fb8", "a human can take over" },
		{ "~", "#7b8794", "not run by us" },
	};

	switch (k) {
	case SVG_KEY_CRITICAL: case SVG_KEY_CONVERSION: case SVG_KEY_HUMAN:
	case SVG_KEY_EXTERNAL:
		svg_chip(out, x, y + 1, chip[k - 1][0], chip[k - 1][1],
			 chip[k - 1][2]);
		break;
	case SVG_KEY_STEP:
		fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"9\" fill=\""
			SVG_INK "\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" "
			"font-weight=\"bold\" fill=\"#ffffff\" "
			"text-anchor=\"middle\">1</text>\n", x + 8, y + 9, x + 8,
			y + 12.5);
		break;
	case SVG_KEY_LOOP:
		fprintf(out, "<path d=\"M%.1f %.1f L%.1f %.1f Q%.1f %.1f %.1f %.1f "
			"L%.1f %.1f\" fill=\"none\" stroke=\"" SVG_LOOP "\" "
			"stroke-width=\"1.8\"/>\n", x, y + 16, x, y + 10, x, y + 4,
			x + 6, y + 4, x + 22, y + 4);
		svg_arrowhead(out, x + 10, y + 4, x + 30, y + 4);
		break;
	case SVG_KEY_KPI_MET: case SVG_KEY_KPI_MISSED:
		svg_kpi_mark(out, x + 4, y + 5, k == SVG_KEY_KPI_MISSED);
		break;
	default:
		break;
	}
}

/* Width of a legend entry: its mark, its words, room after it. */
static double svg_key_w(enum svg_key k)
{
	double mark = k == SVG_KEY_EMOTION ? 0 : k == SVG_KEY_LOOP ? 38 : 22;
	double w = mark + svg_text_w(svg_key_text[k], strlen(svg_key_text[k]),
				     k == SVG_KEY_EMOTION ? 12 : 11,
				     k == SVG_KEY_EMOTION);

	return w + (k == SVG_KEY_EMOTION ? 12 + SVG_KEY_SWATCHES : 0) + 28;
}

static void svg_key_draw(FILE *out, enum svg_key k, double x, double y)
{
	char emo[8];

	if (k != SVG_KEY_EMOTION) {
		double mark = k == SVG_KEY_LOOP ? 38 : 22;

		svg_key_mark(out, k, x, y);
		fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
			"fill=\"" SVG_INK "\">%s</text>\n", x + mark, y + 13,
			svg_key_text[k]);
		return;
	}
	fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" "
		"font-weight=\"bold\" fill=\"" SVG_INK "\">Emotion</text>\n",
		x, y + 14);
	x += svg_key_w(k) - SVG_KEY_SWATCHES - 28;	/* past the word */
	for (int e = MOT_EMOTION_MIN; e <= MOT_EMOTION_MAX; e++) {
		double ex = x + (double)(e - MOT_EMOTION_MIN) * 58;

		fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"52\" "
			"height=\"20\" rx=\"5\" fill=\"%s\" stroke=\"#9aa5b1\"/>\n",
			ex, y, export_emotion_fill(e));
		svg_face(out, ex + 13, y + 10, 7, e);
		fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
			"fill=\"" SVG_INK "\">%s</text>\n", ex + 25, y + 14,
			export_emotion_str(e, emo));
	}
}

/*
 * The legend, its entries flowing in rows across the picture's width;
 * with out NULL only measured.  Returns its height.
 */
double svg_legend(FILE *out, const struct svg_map *m)
{
	double left = SVG_MARGIN, right = m->width - SVG_MARGIN;
	double x = left, y = m->legend_top;
	bool kpis = false;

	for (size_t i = 0; i < m->lanes.n; i++)
		kpis |= m->lanes.lane[i] == MOT_LANE_KPIS;
	for (int k = 0; k < SVG_KEY_COUNT; k++) {
		double w = svg_key_w((enum svg_key)k);

		if (!kpis && (k == SVG_KEY_KPI_MET || k == SVG_KEY_KPI_MISSED))
			continue;
		if (x > left && x + w - 28 > right) {
			x = left;
			y += SVG_KEY_ROW;
		}
		if (out)
			svg_key_draw(out, (enum svg_key)k, x, y);
		x += w;
	}
	y += SVG_KEY_ROW;
	if (m->ov) {
		if (out)
			fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
				"fill=\"" SVG_INK "\">Bar on a card: share of %llu "
				"simulated customers who came by (hotter is busier); "
				"left here: the share of those who came by that left "
				"the journey there.</text>\n",
				left, y + 13, (unsigned long long)m->ov->sim->customers);
		y += SVG_KEY_ROW;
	}
	return y - m->legend_top;
}

/* --- the picture ---------------------------------------------------------- */

int export_svg_picture(FILE *out, const struct mot_journey *j,
		       const struct export_overlay *ov, unsigned lanes,
		       bool header)
{
	struct svg_map m;

	svg_layout(&m, j, ov, lanes, header);
	fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
		"width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
		"font-family=\"" SVG_FONT "\" role=\"img\" "
		"aria-labelledby=\"mot-title\">\n<title id=\"mot-title\">",
		m.width, m.height, m.width, m.height);
	export_xml_puts(out, j->title, true);
	fprintf(out, " \xe2\x80\x94 journey map</title>\n<rect width=\"%.0f\" "
		"height=\"%.0f\" fill=\"#ffffff\"/>\n", m.width, m.height);
	svg_header(out, &m);
	svg_stages(out, &m);
	for (size_t i = 0; i < j->n_touchpoints; i++)
		svg_card(out, &m, i);
	svg_lanes_draw(out, &m);
	svg_loops(out, &m);
	svg_curve(out, &m);
	svg_legend(out, &m);
	fputs("</svg>\n", out);
	svg_layout_free(&m);
	return ferror(out) ? -1 : 0;
}

int export_svg(FILE *out, const struct mot_journey *j,
	       const struct export_options *opt, char *err,
	       size_t errlen)
{
	struct export_overlay ov;
	int sim = export_overlay_init(&ov, j, opt, err, errlen), rc;

	if (sim < 0)
		return -1;
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
	rc = export_svg_picture(out, j, sim ? &ov : NULL, opt ? opt->lanes : 0,
				true);
	if (sim)
		export_overlay_free(&ov);
	return rc;
}
