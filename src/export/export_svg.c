/*
 * export_svg.c - the journey map as a picture for workshops and slides:
 * a column per stage with a card per touchpoint (name, channel, owner,
 * emotion, marks), the loops of the messy middle as arrows between cards,
 * the emotion curve along the most likely path, and a legend; with --sim
 * a heat bar of simulated visits and drop-offs on every card.
 *
 * SVG has no text wrapping, so names are wrapped and cut here, on
 * estimated glyph widths that err on the wide side; a clip path per card
 * keeps any misjudged text inside its card all the same.  Presentation
 * attributes rather than CSS, and arrowheads drawn as polygons rather
 * than markers: slide programs import those faithfully.
 *
 * export_html.c puts the same picture into a page (export_svg_picture()).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "export_util.h"
#include "journey_path.h"
#include "util.h"

#define SVG_MARGIN 24.0
#define SVG_COL_W 232.0
#define SVG_GUTTER 40.0		/* between columns: room for loop arrows */
#define SVG_CARD_PAD 10.0	/* card inset in its column */
#define SVG_CARD_H 88.0
#define SVG_HEAT_H 24.0		/* added to a card by --sim */
#define SVG_CARD_GAP 14.0
#define SVG_STAGE_H 50.0
#define SVG_CURVE_H 200.0
#define SVG_PLOT_H 120.0	/* emotion -3..+3 inside the curve band */
#define SVG_NAME_LINES 2
#define SVG_FONT "Helvetica, Arial, Liberation Sans, DejaVu Sans, sans-serif"
#define SVG_LOOP "#7b3294"
#define SVG_INK "#1f2933"
#define SVG_MUTED "#52606d"

struct svg_card {
	double x, y;	/* top left */
	long step;	/* 1-based place on the most likely path, or 0 */
};

struct svg_map {
	const struct mot_journey *j;
	const struct export_overlay *ov;	/* NULL without --sim */
	struct svg_card *cards;			/* one per touchpoint */
	size_t *path, n_path;
	double width, height, card_w, card_h;
	double header_h, stage_top, cards_top, curve_top, legend_top;
};

/* --- text ------------------------------------------------------------- */

/*
 * Estimated advance of a code point, in em, for the sans-serif faces
 * named in SVG_FONT; DejaVu Sans, the widest of them, sets the numbers.
 */
static double svg_cp_em(uint32_t c, const char *s, size_t n)
{
	char one[5] = { 0 };
	int cols;

	if (c < 0x80) {
		if (c == ' ')
			return 0.32;
		if (strchr("il.,:;'!|`", (int)c))
			return 0.32;
		if (strchr("fjrtI()[]{}-\"/\\", (int)c))
			return 0.44;
		if (strchr("mwMW@%", (int)c))
			return 0.98;
		if (c >= 'A' && c <= 'Z')
			return 0.76;
		return 0.64;
	}
	memcpy(one, s, n < 4 ? n : 4);
	cols = util_utf8_width(one);
	return cols == 0 ? 0 : cols == 2 ? 1.02 : 0.74;
}

static double svg_text_w(const char *s, size_t n, double size, bool bold)
{
	double em = 0;

	for (size_t i = 0; i < n && s[i];) {
		uint32_t c;
		size_t len = export_utf8_next(s + i, &c);

		em += svg_cp_em(c, s + i, len);
		i += len;
	}
	return em * size * (bold ? 1.08 : 1.0);
}

/* A piece of text to draw on one line. */
struct svg_line {
	const char *s;
	size_t n;
	bool ellipsis;
};

/* Bytes of the longest prefix of s[0..n) no wider than maxw. */
static size_t svg_fit(const char *s, size_t n, double maxw, double size,
		      bool bold)
{
	size_t i = 0;

	while (i < n) {
		uint32_t c;
		size_t len = export_utf8_next(s + i, &c);

		if (svg_text_w(s, i + len, size, bold) > maxw)
			break;
		i += len;
	}
	return i;
}

/* Where the line starting at s ends: at a line break, else after the
 * last space or wide (CJK) character that fits, else wherever it fits. */
static size_t svg_break(const char *s, double maxw, double size, bool bold,
			bool *forced)
{
	size_t nl = strcspn(s, "\r\n"), fit = svg_fit(s, nl, maxw, size, bold);
	size_t brk = 0;

	*forced = fit == nl;
	if (*forced)
		return nl;
	for (size_t i = 0; i < fit;) {
		uint32_t c;
		size_t len = export_utf8_next(s + i, &c);

		if (c == ' ')
			brk = i;
		else if (svg_cp_em(c, s + i, len) > 1.0)
			brk = i + len;
		i += len;
	}
	if (brk == 0)
		brk = fit ? fit : strlen(s) ? export_utf8_next(s, &(uint32_t){0}) : 0;
	return brk;
}

/*
 * Wrap s into at most max lines no wider than maxw; when text is left
 * over, the last line is cut to make room for an ellipsis.  Returns the
 * number of lines.
 */
static size_t svg_wrap(const char *s, double maxw, double size, bool bold,
		       struct svg_line *lines, size_t max)
{
	size_t n = 0;

	s += strspn(s, " \r\n");
	while (*s && n < max) {
		bool forced;
		size_t len = svg_break(s, maxw, size, bold, &forced);
		const char *next = s + len;

		next += strspn(next, " \r\n");
		lines[n] = (struct svg_line){ s, len, false };
		while (lines[n].n && s[lines[n].n - 1] == ' ')
			lines[n].n--;
		if (++n == max && *next) {
			double room = maxw - svg_text_w("\xe2\x80\xa6", 3, size,
							  bold);
			size_t cut = svg_fit(s, lines[n - 1].n, room, size, bold);

			while (cut && s[cut - 1] == ' ')
				cut--;
			lines[n - 1].n = cut;
			lines[n - 1].ellipsis = true;
		}
		s = next;
	}
	return n;
}

/* A <text> element: one line of s (already fitted) at x, y. */
static void svg_text_line(FILE *out, double x, double y, const char *attrs,
			  const struct svg_line *l)
{
	fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" %s>", x, y, attrs);
	export_xml_putn(out, l->s, l->n, true);
	if (l->ellipsis)
		fputs("\xe2\x80\xa6", out);
	fputs("</text>\n", out);
}

/* Text cut to one line of maxw with an ellipsis. */
static void svg_text_cut(FILE *out, double x, double y, double maxw,
			 double size, bool bold, const char *attrs,
			 const char *s)
{
	struct svg_line l;
	char flat[MOT_TEXT_MAX + 1];

	/* one line: line breaks read as spaces here */
	snprintf(flat, sizeof flat, "%s", s);
	for (char *p = flat; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	if (svg_wrap(flat, maxw, size, bold, &l, 1) == 1)
		svg_text_line(out, x, y, attrs, &l);
}

/* --- layout ----------------------------------------------------------- */

static double svg_col_x(enum mot_stage s)
{
	return SVG_MARGIN + (double)s * (SVG_COL_W + SVG_GUTTER);
}

static void svg_layout(struct svg_map *m, bool header)
{
	const struct mot_journey *j = m->j;
	size_t rows = 1, count[MOT_STAGE_COUNT] = { 0 };

	m->card_w = SVG_COL_W - 2 * SVG_CARD_PAD;
	m->card_h = SVG_CARD_H + (m->ov ? SVG_HEAT_H : 0);
	m->width = 2 * SVG_MARGIN + MOT_STAGE_COUNT * SVG_COL_W +
		(MOT_STAGE_COUNT - 1) * SVG_GUTTER;
	m->header_h = header ? 96 : 0;
	m->stage_top = SVG_MARGIN + m->header_h;
	m->cards_top = m->stage_top + SVG_STAGE_H + 12;
	m->cards = xcalloc(j->n_touchpoints + 1, sizeof *m->cards);
	for (size_t i = 0; i < j->n_touchpoints; i++) {
		enum mot_stage s = j->touchpoints[i].stage;
		size_t row = count[s]++;

		m->cards[i].x = svg_col_x(s) + SVG_CARD_PAD;
		m->cards[i].y = m->cards_top + (double)row *
			(m->card_h + SVG_CARD_GAP);
		if (count[s] > rows)
			rows = count[s];
	}
	m->path = xcalloc(j->n_touchpoints + 1, sizeof *m->path);
	m->n_path = journey_path_likely(j, m->path);
	for (size_t k = 0; k < m->n_path; k++)
		m->cards[m->path[k]].step = (long)k + 1;
	m->curve_top = m->cards_top + (double)rows * (m->card_h + SVG_CARD_GAP) +
		10;
	m->legend_top = m->curve_top + SVG_CURVE_H;
	m->height = m->legend_top + (m->ov ? 112 : 88) + SVG_MARGIN;
}

/* --- pieces ----------------------------------------------------------- */

static void svg_header(FILE *out, const struct svg_map *m)
{
	const struct mot_journey *j = m->j;
	double w = m->width - 2 * SVG_MARGIN, y = SVG_MARGIN + 24;
	struct svg_line lines[2];
	size_t n_tr = 0, n;

	if (m->header_h == 0)
		return;
	svg_text_cut(out, SVG_MARGIN, y, w, 24, true,
		     "font-size=\"24\" font-weight=\"bold\" fill=\"" SVG_INK "\"",
		     j->title);
	n = util_str_empty(j->description) ? 0 :
		svg_wrap(j->description, w, 13, false, lines, 2);
	for (size_t i = 0; i < n; i++)
		svg_text_line(out, SVG_MARGIN, y + 24 + 17 * (double)i,
			      "font-size=\"13\" fill=\"" SVG_MUTED "\"", &lines[i]);
	for (size_t i = 0; i < j->n_touchpoints; i++)
		n_tr += j->touchpoints[i].n_next;
	fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\""
		SVG_MUTED "\">", SVG_MARGIN, y + 62);
	export_xml_puts(out, j->key, true);
	fprintf(out, " \xc2\xb7 %zu touchpoints \xc2\xb7 %zu transitions \xc2\xb7 "
		"%zu personas</text>\n", j->n_touchpoints, n_tr, j->n_personas);
}

static void svg_stages(FILE *out, const struct svg_map *m)
{
	static const char *band[] = { "#dbe4f0", "#d3e0ee", "#cbdcec",
				      "#c3d7ea", "#bbd3e8" };
	double bottom = m->curve_top - 4;

	for (int s = 0; s < MOT_STAGE_COUNT; s++) {
		double x = svg_col_x((enum mot_stage)s);

		fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
			"height=\"%.1f\" rx=\"10\" fill=\"#f5f7fa\"/>\n"
			"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
			"rx=\"10\" fill=\"%s\"/>\n", x, m->stage_top, SVG_COL_W,
			bottom - m->stage_top, x, m->stage_top, SVG_COL_W,
			SVG_STAGE_H, band[s]);
		fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"17\" "
			"font-weight=\"bold\" fill=\"" SVG_INK "\">", x + 12,
			m->stage_top + 22);
		export_xml_puts(out, model_stage_label((enum mot_stage)s), true);
		fprintf(out, "</text>\n<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" "
			"fill=\"" SVG_MUTED "\">%s \xc2\xb7 %zu touchpoint%s</text>\n",
			x + 12, m->stage_top + 40,
			model_stage_title((enum mot_stage)s),
			model_stage_count(m->j, (enum mot_stage)s),
			model_stage_count(m->j, (enum mot_stage)s) == 1 ? "" : "s");
		if (model_stage_count(m->j, (enum mot_stage)s) == 0)
			fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" "
				"font-style=\"italic\" fill=\"" SVG_MUTED "\">no "
				"touchpoint</text>\n", x + 16, m->cards_top + 20);
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
 * who came by, hotter the busier, and the share who left here. */
static void svg_heat(FILE *out, const struct svg_map *m, size_t i,
		     double x, double y, double w)
{
	const struct export_sim *sim = m->ov->sim;
	double all = (double)sim->customers;
	double share = all > 0 ? (double)sim->reach[i] / all : 0;
	double left = all > 0 ? (double)sim->drops[i] / all : 0;
	double heat = m->ov->max_visits ?
		(double)sim->reach[i] / (double)m->ov->max_visits : 0;
	char text[96];

	fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"6\" "
		"rx=\"3\" fill=\"#e4e7eb\"/><rect x=\"%.1f\" y=\"%.1f\" "
		"width=\"%.1f\" height=\"6\" rx=\"3\" fill=\"rgb(%d,%d,60)\"/>\n",
		x, y, w, x, y, w * (share > 1 ? 1 : share),
		230 + (int)(25 * heat), (int)(200 * (1 - heat)) + 30);
	snprintf(text, sizeof text, "%.0f%% came by \xc2\xb7 %.0f%% left here",
		 share * 100, left * 100);
	fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\""
		SVG_MUTED "\">%s</text>\n", x, y + 17, text);
}

static void svg_card_text(FILE *out, const struct svg_map *m, size_t i)
{
	const struct mot_touchpoint *tp = &m->j->touchpoints[i];
	const struct svg_card *c = &m->cards[i];
	double x = c->x + 16, w = m->card_w - 26 - (c->step ? 24 : 0);
	struct svg_line lines[SVG_NAME_LINES];
	size_t n = svg_wrap(tp->name, w, 13, true, lines, SVG_NAME_LINES);
	struct strbuf meta;
	char emo[8];
	double marks;

	for (size_t k = 0; k < n; k++)
		svg_text_line(out, x, c->y + 20 + 16 * (double)k,
			      "font-size=\"13\" font-weight=\"bold\" fill=\""
			      SVG_INK "\"", &lines[k]);
	strbuf_init(&meta);
	strbuf_puts(&meta, tp->channel ? tp->channel : "");
	if (!util_str_empty(tp->channel) && !util_str_empty(tp->owner))
		strbuf_puts(&meta, " \xc2\xb7 ");
	strbuf_puts(&meta, tp->owner ? tp->owner : "");
	if (meta.len)
		svg_text_cut(out, x, c->y + 55, m->card_w - 26, 11, false,
			     "font-size=\"11\" fill=\"" SVG_MUTED "\"", meta.s);
	strbuf_free(&meta);
	svg_face(out, x + 7, c->y + 73, 8, tp->emotion);
	fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" "
		"font-weight=\"bold\" fill=\"" SVG_INK "\">%s</text>\n", x + 19,
		c->y + 77, export_emotion_str(tp->emotion, emo));
	marks = svg_marks(out, tp, c->x + m->card_w - 8, c->y + 65);
	if (tp->phase != MOT_PHASE_NONE)
		svg_text_cut(out, x + 44, c->y + 77, marks - x - 48, 11, false,
			     "font-size=\"11\" font-style=\"italic\" fill=\""
			     SVG_MUTED "\"", model_phase_key(tp->phase));
	if (m->ov)
		svg_heat(out, m, i, x, c->y + SVG_CARD_H - 2, m->card_w - 26);
}

static void svg_card(FILE *out, const struct svg_map *m, size_t i)
{
	const struct mot_touchpoint *tp = &m->j->touchpoints[i];
	const struct svg_card *c = &m->cards[i];

	fputs("<g>\n<title>", out);
	export_xml_puts(out, tp->name, false);
	if (!util_str_empty(tp->notes)) {
		fputs("\n\n", out);
		export_xml_puts(out, tp->notes, false);
	}
	fprintf(out, "</title>\n<clipPath id=\"mot-clip-%zu\"><rect x=\"%.1f\" "
		"y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"8\"/></clipPath>\n",
		i, c->x, c->y, m->card_w, m->card_h);
	fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
		"rx=\"8\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"%s/>\n",
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
	fprintf(out, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" "
		"fill=\"" SVG_LOOP "\"/>\n", x, y,
		x - 9 * dx - 4.5 * dy, y - 9 * dy + 4.5 * dx,
		x - 9 * dx + 4.5 * dy, y - 9 * dy - 4.5 * dx);
}

/*
 * A transition that goes back: within a column an arc through the gutter
 * on its right, between columns a curve from the left edge of one card to
 * the right edge of the other.  `nth` spreads the arcs of one column.
 */
static void svg_loop(FILE *out, const struct svg_map *m, size_t from,
		     size_t k, long to, size_t nth)
{
	const struct svg_card *a = &m->cards[from], *b = &m->cards[to];
	const struct mot_transition *t = &m->j->touchpoints[from].next[k];
	double h = m->card_h, w = m->card_w, p[8];
	char num[32];

	if ((size_t)to == from) {
		double r = a->x + w;
		double q[8] = { r, a->y + 24, r + 24, a->y + 12, r + 24,
				a->y + h - 12, r, a->y + h - 24 };
		memcpy(p, q, sizeof p);
	} else if (a->x == b->x) {
		double bulge = 16 + 7 * (double)(nth % 3);
		double q[8] = { a->x + w, a->y + h / 2, a->x + w + bulge * 2,
				a->y + h / 2, b->x + w + bulge * 2, b->y + h / 2,
				b->x + w + 1, b->y + h / 2 };
		memcpy(p, q, sizeof p);
	} else {
		double q[8] = { a->x, a->y + h / 2 + 8, a->x - 70, a->y + h / 2,
				b->x + w + 70, b->y + h / 2, b->x + w + 1,
				b->y + h / 2 - 8 };
		memcpy(p, q, sizeof p);
	}
	fputs("<g><title>loop back: ", out);
	export_xml_puts(out, m->j->touchpoints[from].name, true);
	fputs(" \xe2\x86\x92 ", out);
	export_xml_puts(out, m->j->touchpoints[to].name, true);
	fprintf(out, " (weight %s)</title>\n", model_format_number(
			t->weight, num, sizeof num));
	fprintf(out, "<path d=\"M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f\" "
		"fill=\"none\" stroke=\"" SVG_LOOP "\" stroke-width=\"2\" "
		"stroke-opacity=\"0.75\"/>\n", p[0], p[1], p[2], p[3], p[4],
		p[5], p[6], p[7]);
	svg_arrowhead(out, p[4], p[5], p[6], p[7]);
	fputs("</g>\n", out);
}

static void svg_loops(FILE *out, const struct svg_map *m)
{
	size_t nth[MOT_STAGE_COUNT] = { 0 };

	for (size_t i = 0; i < m->j->n_touchpoints; i++) {
		const struct mot_touchpoint *tp = &m->j->touchpoints[i];

		for (size_t k = 0; k < tp->n_next; k++) {
			long to = model_touchpoint_find(m->j, tp->next[k].to);

			if (journey_is_loop(i, to))
				svg_loop(out, m, i, k, to, nth[tp->stage]++);
		}
	}
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
	return svg_col_x(s) + SVG_COL_W * (double)(before + 1) /
		(double)(all + 1);
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

static void svg_legend(FILE *out, const struct svg_map *m)
{
	double y = m->legend_top + 10, x = SVG_MARGIN;
	char emo[8];

	fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" "
		"font-weight=\"bold\" fill=\"" SVG_INK "\">Emotion</text>\n",
		x, y + 13);
	for (int e = MOT_EMOTION_MIN; e <= MOT_EMOTION_MAX; e++) {
		double ex = x + 70 + (double)(e - MOT_EMOTION_MIN) * 58;

		fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"52\" "
			"height=\"22\" rx=\"5\" fill=\"%s\" stroke=\"#9aa5b1\"/>\n",
			ex, y, export_emotion_fill(e));
		svg_face(out, ex + 13, y + 11, 7, e);
		fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
			"fill=\"" SVG_INK "\">%s</text>\n", ex + 25, y + 15,
			export_emotion_str(e, emo));
	}
	y += 36;
	svg_chip(out, x, y, "!", "#b2182b", "critical moment");
	svg_chip(out, x + 120, y, "$", "#1a9850", "conversion");
	svg_chip(out, x + 225, y, "H", "#2c7fb8", "a human can take over");
	svg_chip(out, x + 390, y, "~", "#7b8794", "not run by us");
	fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"9\" fill=\"" SVG_INK
		"\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" "
		"font-weight=\"bold\" fill=\"#ffffff\" text-anchor=\"middle\">1"
		"</text>\n", x + 558, y + 8, x + 558, y + 11.5);
	fprintf(out, "<path d=\"M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f\" "
		"fill=\"none\" stroke=\"" SVG_LOOP "\" stroke-width=\"2\"/>\n",
		x + 800, y + 14, x + 812, y - 2, x + 828, y - 2, x + 840, y + 10);
	svg_arrowhead(out, x + 832, y - 2, x + 840, y + 12);
	fprintf(out, "<text y=\"%.1f\" font-size=\"11\" fill=\"" SVG_INK "\">"
		"<tspan x=\"%.1f\">critical moment</tspan>"
		"<tspan x=\"%.1f\">conversion</tspan>"
		"<tspan x=\"%.1f\">a human can take over</tspan>"
		"<tspan x=\"%.1f\">not run by us (dashed)</tspan>"
		"<tspan x=\"%.1f\">step of the most likely path</tspan>"
		"<tspan x=\"%.1f\">loop back (messy middle)</tspan></text>\n",
		y + 12, x + 22, x + 142, x + 247, x + 412, x + 572, x + 848);
	if (m->ov)
		fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\""
			SVG_INK "\">Bar on a card: share of %llu simulated "
			"customers who came by (hotter is busier), and the share "
			"who left the journey there.</text>\n", x, y + 40,
			(unsigned long long)m->ov->sim->customers);
}

/* --- the picture ---------------------------------------------------------- */

int export_svg_picture(FILE *out, const struct mot_journey *j,
		       const struct export_overlay *ov, bool header)
{
	struct svg_map m = { .j = j, .ov = ov };

	svg_layout(&m, header);
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
	svg_loops(out, &m);
	svg_curve(out, &m);
	svg_legend(out, &m);
	fputs("</svg>\n", out);
	free(m.cards);
	free(m.path);
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
	rc = export_svg_picture(out, j, sim ? &ov : NULL, true);
	if (sim)
		export_overlay_free(&ov);
	return rc;
}
