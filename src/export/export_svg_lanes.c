/*
 * export_svg_lanes.c - the lanes of the journey-map picture: a row per
 * lane under the cards (thinking and feeling, pain points, opportunities,
 * backstage, KPIs; evidence when asked for), each row split into the
 * stage columns and, inside a stage, its card columns.  A stage lists,
 * card by card in their order, the card's name and what the lane holds
 * for it, each under its own card's column as far as the row, as low as
 * the tallest stage lets it be, has room.
 *
 * A wall map has to stay one page: an entry is the card's name and at
 * most two lines (two items of a list, or the first and "+N more"; two
 * lines of text); what is cut is in the entry's tooltip and, in full, in
 * the HTML page's tables.  One function both measures
 * (out NULL) and draws an entry, so the two cannot disagree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_svg_int.h"
#include "util.h"

#define SVG_LANE_FONT 10.0
#define SVG_LANE_FS "10"	/* the same, as an attribute */
#define SVG_LANE_LINE 12.0
#define SVG_LANE_TITLE 17.0	/* the lane's name above its cells */
#define SVG_LANE_PAD 5.0	/* under the cells */
#define SVG_LANE_GAP 4.0	/* between two cards' entries */
#define SVG_LANE_ITEMS 2	/* lines of a list or the KPIs per card */
#define SVG_LANE_TEXT_LINES 2
#define SVG_LANE_BULLET 8.0

/* The picture's lanes unless told otherwise: evidence is for the page. */
#define SVG_LANES_AUTO (EXPORT_LANES_ALL & \
			~EXPORT_LANE_BIT(MOT_LANE_EVIDENCE))

/* Where an entry is drawn, and whether anything was left out of it. */
struct svg_cell {
	FILE *out;	/* NULL: measure only */
	double x, y, w;
	bool cut;
};

/* Lines of text at the cell's current y; returns their count. */
static size_t svg_cell_text(struct svg_cell *c, const char *s, double indent,
			    size_t max, const char *attrs)
{
	struct svg_line lines[SVG_LANE_TEXT_LINES];
	bool cut;
	size_t n;

	if (max > SVG_LANE_TEXT_LINES)
		max = SVG_LANE_TEXT_LINES;
	n = svg_wrap(s, c->w - indent, SVG_LANE_FONT, false, lines, max, &cut);
	c->cut |= cut;
	for (size_t i = 0; c->out && i < n; i++)
		svg_text_line(c->out, c->x + indent, c->y + 10 +
			      SVG_LANE_LINE * (double)i, attrs, &lines[i]);
	c->y += SVG_LANE_LINE * (double)n;
	return n;
}

/* Of n items a cell shows all when they are two at most, else the first
 * and "+N more": never more than two lines. */
static size_t svg_cell_shown(size_t n)
{
	return n <= SVG_LANE_ITEMS ? n : SVG_LANE_ITEMS - 1;
}

static void svg_cell_more(struct svg_cell *c, size_t n, size_t shown)
{
	char more[48];

	if (shown == n)
		return;
	snprintf(more, sizeof more, "+%zu more", n - shown);
	svg_cell_text(c, more, SVG_LANE_BULLET, 1, "font-size=\"" SVG_LANE_FS
		      "\" font-style=\"italic\" fill=\"" SVG_MUTED "\"");
	c->cut = true;
}

static void svg_cell_list(struct svg_cell *c, const struct mot_list *l)
{
	size_t shown = svg_cell_shown(l->n);

	/* one item alone may take both lines */
	for (size_t i = 0; i < shown; i++) {
		if (c->out)
			fprintf(c->out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.7\" "
				"fill=\"" SVG_MUTED "\"/>\n", c->x + 3,
				c->y + 6.5);
		svg_cell_text(c, l->items[i], SVG_LANE_BULLET,
			      l->n == 1 ? SVG_LANE_ITEMS : 1, "font-size=\""
			      SVG_LANE_FS "\" fill=\"" SVG_INK "\"");
	}
	svg_cell_more(c, l->n, shown);
}

void svg_kpi_mark(FILE *out, double x, double y, bool missed)
{
	/* down and red: missed; up and green: met */
	if (missed)
		fprintf(out, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" "
			"fill=\"#b2182b\"/>\n", x, y, x + 8, y, x + 4, y + 7);
	else
		fprintf(out, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" "
			"fill=\"#1a9850\"/>\n", x, y + 7, x + 8, y + 7, x + 4, y);
}

static void svg_cell_kpis(struct svg_cell *c, const struct mot_touchpoint *tp)
{
	size_t shown = svg_cell_shown(tp->n_kpis);

	for (size_t i = 0; i < shown; i++) {
		const struct mot_kpi *k = &tp->kpis[i];
		char *text = export_kpi_text(k);

		if (c->out && k->has_target)
			svg_kpi_mark(c->out, c->x, c->y + 3, model_kpi_missed(k));
		svg_cell_text(c, text, SVG_LANE_BULLET + 2, 1,
			      model_kpi_missed(k) ? "font-size=\"" SVG_LANE_FS "\" "
			      "font-weight=\"bold\" fill=\"#b2182b\"" :
			      "font-size=\"" SVG_LANE_FS "\" fill=\"" SVG_INK "\"");
		free(text);
	}
	svg_cell_more(c, tp->n_kpis, shown);
}

/* What the lane holds for tp, under its name. */
static void svg_cell_body(struct svg_cell *c, const struct mot_touchpoint *tp,
			  enum mot_lane l)
{
	switch (l) {
	case MOT_LANE_THINKING:
		svg_cell_text(c, tp->thinking, 0, SVG_LANE_TEXT_LINES,
			      "font-size=\"" SVG_LANE_FS "\" font-style=\"italic\" fill=\""
			      SVG_INK "\"");
		break;
	case MOT_LANE_BACKSTAGE:
		svg_cell_text(c, tp->backstage, 0, SVG_LANE_TEXT_LINES,
			      "font-size=\"" SVG_LANE_FS "\" fill=\"" SVG_INK "\"");
		break;
	case MOT_LANE_KPIS:
		svg_cell_kpis(c, tp);
		break;
	default:
		svg_cell_list(c, model_lane_list_const(tp, l));
		break;
	}
}

/* The full text of an entry, for its tooltip. */
static void svg_cell_title(FILE *out, const struct mot_touchpoint *tp,
			   enum mot_lane l)
{
	const struct mot_list *list = model_lane_list_const(tp, l);

	fputs("<title>", out);
	export_xml_puts(out, tp->name, true);
	fputs(": ", out);
	if (l == MOT_LANE_THINKING || l == MOT_LANE_BACKSTAGE)
		export_xml_puts(out, l == MOT_LANE_THINKING ? tp->thinking :
				tp->backstage, false);
	for (size_t i = 0; list && i < list->n; i++) {
		fputs("\n\xe2\x80\xa2 ", out);
		export_xml_puts(out, list->items[i], false);
	}
	for (size_t i = 0; l == MOT_LANE_KPIS && i < tp->n_kpis; i++) {
		char *text = export_kpi_text(&tp->kpis[i]);

		fputs("\n\xe2\x80\xa2 ", out);
		export_xml_puts(out, text, false);
		free(text);
	}
	fputs("</title>\n", out);
}

/* One card's entry at the cell's y: measured first, then drawn in a
 * group that has the whole text as its tooltip when some was cut. */
static void svg_cell_entry(struct svg_cell *c, const struct mot_touchpoint *tp,
			   enum mot_lane l)
{
	struct svg_cell probe = { NULL, c->x, c->y, c->w, false };
	bool name_cut = !svg_text_fits(tp->name, c->w, SVG_LANE_FONT, true);

	probe.y += SVG_LANE_LINE;
	svg_cell_body(&probe, tp, l);
	if (c->out) {
		fprintf(c->out, "<g class=\"mot-lane-entry\" data-lane=\"%s\" "
			"data-key=\"", model_lane_key(l));
		export_xml_puts(c->out, tp->key, true);
		fputs("\">\n", c->out);
		if (probe.cut || name_cut)
			svg_cell_title(c->out, tp, l);
		svg_text_cut(c->out, c->x, c->y + 10, c->w, SVG_LANE_FONT, true,
			     "font-size=\"" SVG_LANE_FS "\" font-weight=\"bold\" fill=\""
			     SVG_MUTED "\"", tp->name);
		c->y += SVG_LANE_LINE;
		svg_cell_body(c, tp, l);
		fputs("</g>\n", c->out);
	}
	c->y = probe.y + SVG_LANE_GAP;
}

/*
 * Where the entries of one stage break between its card columns: the
 * entries keep the cards' order, and of every way to cut them into at
 * most `cols` runs the one whose tallest run is shortest is taken (the
 * cards that have something to say often stand in one column).  `first`
 * gets the index of each run's first entry; returns that height.
 */
static double svg_lane_split(const double *h, size_t n, size_t cols,
			     size_t *first)
{
	/* best[k][i]: the tallest run when entries i.. go into k+1 runs */
	double *best = xcalloc((cols + 1) * (n + 1), sizeof *best);
	size_t *cut = xcalloc((cols + 1) * (n + 1), sizeof *cut);
	double result;

	for (size_t k = 0; k < cols; k++)
		for (size_t i = n + 1; i-- > 0;) {
			double run = 0, b = 1e300;
			size_t at = n;

			for (size_t e = i; e <= n; e++) {
				double rest = e == n ? 0 : k ? best[(k - 1) *
					(n + 1) + e] : 1e300;
				double worst = run > rest ? run : rest;

				if (worst < b) {
					b = worst;
					at = e;
				}
				if (e < n)
					run += h[e];
			}
			best[k * (n + 1) + i] = b;
			cut[k * (n + 1) + i] = at;
		}
	result = best[(cols - 1) * (n + 1)];
	for (size_t k = cols, i = 0; k-- > 0;) {
		first[cols - 1 - k] = i;
		i = cut[k * (n + 1) + i];
	}
	free(best);
	free(cut);
	return result;
}

/*
 * Where the entries of one stage go when drawn: under their own cards'
 * columns as far as the lane's row allows.  Of the cuts whose every run
 * is at most `limit` high (the row, as tall as its tallest stage needs;
 * svg_lane_split's cut always fits) the one that moves the fewest entries
 * the fewest columns away from their cards is taken, so that a card's
 * pains stand under that card and not under its neighbour.  col[e] is
 * the column of entry e's card within the stage.
 */
static void svg_lane_place(const double *h, const size_t *col, size_t n,
			   size_t cols, double limit, size_t *first)
{
	/* cost[k][i]: the least moves when entries i.. go into columns k.. */
	size_t w = n + 1, *cost = xcalloc((cols + 1) * w, sizeof *cost);
	size_t *cut = xcalloc((cols + 1) * w, sizeof *cut);
	const size_t none = (size_t)-1;

	for (size_t i = 0; i < n; i++)
		cost[cols * w + i] = none;
	for (size_t k = cols; k-- > 0;)
		for (size_t i = n + 1; i-- > 0;) {
			double run = 0;
			size_t moves = 0, best = none, at = n;

			for (size_t e = i; e <= n && run <= limit + 1e-6; e++) {
				size_t rest = cost[(k + 1) * w + e];

				if (rest != none && moves + rest < best) {
					best = moves + rest;
					at = e;
				}
				if (e < n) {
					run += h[e];
					moves += col[e] > k ? col[e] - k : k - col[e];
				}
			}
			cost[k * w + i] = best;
			cut[k * w + i] = at;
		}
	for (size_t k = 0, i = 0; k < cols; k++) {
		first[k] = i;
		i = cost[k * w + i] == none ? n : cut[k * w + i];
	}
	free(cost);
	free(cut);
}

/* Lane l for stage s from y: the height it needs at least (out NULL), or
 * drawn with its runs at most `limit` high. */
static double svg_lane_stage(FILE *out, const struct svg_map *m,
			     enum mot_lane l, enum mot_stage s, double y,
			     double limit)
{
	const struct mot_journey *j = m->j;
	size_t cols = m->col_first[s + 1] - m->col_first[s], n = 0;
	size_t *tp = xcalloc(j->n_touchpoints + 1, sizeof *tp);
	size_t *col = xcalloc(j->n_touchpoints + 1, sizeof *col);
	size_t *first = xcalloc(cols + 1, sizeof *first);
	double *h = xcalloc(j->n_touchpoints + 1, sizeof *h), most;

	for (size_t i = 0; i < j->n_touchpoints; i++)
		if (j->touchpoints[i].stage == s &&
		    model_lane_filled(&j->touchpoints[i], l)) {
			struct svg_cell c = { NULL, 0, 0, m->card_w, false };

			svg_cell_entry(&c, &j->touchpoints[i], l);
			h[n] = c.y;
			col[n] = m->cards[i].col - m->col_first[s];
			tp[n++] = i;
		}
	most = n ? svg_lane_split(h, n, cols, first) : 0;
	if (out && n)
		svg_lane_place(h, col, n, cols, limit > most ? limit : most,
			       first);
	for (size_t k = 0; out && k < cols; k++) {
		struct svg_cell c = { out, m->col_x[m->col_first[s] + k], y,
				      m->card_w, false };
		size_t end = k + 1 < cols ? first[k + 1] : n;

		for (size_t e = first[k]; e < end; e++)
			svg_cell_entry(&c, &j->touchpoints[tp[e]], l);
	}
	free(tp);
	free(col);
	free(first);
	free(h);
	return most;
}

void svg_lanes_measure(struct svg_map *m, unsigned lanes)
{
	unsigned pick = export_lanes_pick(m->j, lanes, SVG_LANES_AUTO);

	m->lanes.n = 0;
	for (int l = 0; l < MOT_LANE_COUNT; l++) {
		double most = SVG_LANE_LINE;

		if (!(pick & EXPORT_LANE_BIT(l)))
			continue;
		for (int s = 0; s < MOT_STAGE_COUNT; s++) {
			double h = svg_lane_stage(NULL, m, (enum mot_lane)l,
						  (enum mot_stage)s, 0, 0);

			if (h > most)
				most = h;
		}
		m->lanes.lane[m->lanes.n] = (enum mot_lane)l;
		m->lanes.height[m->lanes.n++] = SVG_LANE_TITLE + most +
			SVG_LANE_PAD;
	}
}

double svg_lanes_height(const struct svg_map *m)
{
	double h = 0;

	for (size_t i = 0; i < m->lanes.n; i++)
		h += m->lanes.height[i];
	return h;
}

void svg_lanes_draw(FILE *out, const struct svg_map *m)
{
	double y = m->lanes_top;

	for (size_t i = 0; i < m->lanes.n; i++) {
		enum mot_lane l = m->lanes.lane[i];
		double limit = m->lanes.height[i] - SVG_LANE_TITLE -
			SVG_LANE_PAD;
		bool any = false;

		fprintf(out, "<g class=\"mot-lane\" data-lane=\"%s\">\n"
			"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
			"stroke=\"#cbd2d9\" stroke-width=\"1\"/>\n<text x=\"%.1f\" "
			"y=\"%.1f\" font-size=\"12\" font-weight=\"bold\" "
			"fill=\"" SVG_INK "\">%s</text>\n", model_lane_key(l),
			SVG_MARGIN, y, m->width - SVG_MARGIN, y, SVG_MARGIN,
			y + 15, model_lane_title(l));
		for (int s = 0; s < MOT_STAGE_COUNT; s++)
			any |= svg_lane_stage(out, m, l, (enum mot_stage)s,
					      y + SVG_LANE_TITLE, limit) > 0;
		if (!any)
			fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"" SVG_LANE_FS "\" "
				"font-style=\"italic\" fill=\"" SVG_MUTED "\">"
				"nothing in this lane</text>\n",
				m->col_x[0], y + SVG_LANE_TITLE + 10);
		fputs("</g>\n", out);
		y += m->lanes.height[i];
	}
}
