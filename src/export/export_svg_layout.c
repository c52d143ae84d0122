/*
 * export_svg_layout.c - where everything of the journey-map picture goes.
 *
 * A stage is a column of cards; a stage with many touchpoints gets
 * several card columns side by side, filled top to bottom, so that the
 * picture is a landscape page rather than a tall strip: every count of
 * rows is tried and the one that prints largest on a landscape page
 * (between A3 and a 16:9 slide) wins.  Between card columns and between
 * rows is the room the loop arrows run in (export_svg_route.c), widened
 * to hold them; under the cards come the lane rows, the emotion curve
 * and the legend.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "export_svg_int.h"
#include "journey_path.h"
#include "util.h"

/* Width over height of the page the layout aims at: A3 landscape is
 * 1.41, the HTML page's picture on it about 1.6, a 16:9 slide 1.78. */
#define SVG_PAGE_ASPECT 1.6
#define SVG_HEADER_H 84.0

double svg_stage_left(const struct svg_map *m, enum mot_stage s)
{
	return m->col_x[m->col_first[s]] - SVG_CARD_PAD;
}

double svg_stage_right(const struct svg_map *m, enum mot_stage s)
{
	return m->col_x[m->col_first[s + 1] - 1] + m->card_w + SVG_CARD_PAD;
}

/* Card columns of each stage for at most `rows` rows, and every card's
 * column and row: a stage's cards fill its columns top to bottom, left
 * to right, in their order, the columns as even as they can be. */
static void svg_grid(struct svg_map *m, size_t rows)
{
	const struct mot_journey *j = m->j;
	size_t per_col[MOT_STAGE_COUNT], seen[MOT_STAGE_COUNT] = { 0 };

	m->n_cols = 0;
	m->rows = 1;
	for (int s = 0; s < MOT_STAGE_COUNT; s++) {
		size_t n = model_stage_count(j, (enum mot_stage)s);
		size_t cols = n ? (n + rows - 1) / rows : 1;

		per_col[s] = n ? (n + cols - 1) / cols : 1;
		if (per_col[s] > m->rows)
			m->rows = per_col[s];
		m->col_first[s] = m->n_cols;
		m->n_cols += cols;
	}
	m->col_first[MOT_STAGE_COUNT] = m->n_cols;
	for (size_t i = 0; i < j->n_touchpoints; i++) {
		enum mot_stage s = j->touchpoints[i].stage;
		size_t k = seen[s]++;

		m->cards[i].col = m->col_first[s] + k / per_col[s];
		m->cards[i].row = k % per_col[s];
	}
}

/* The least room between columns and rows, before arrows widen it. */
static void svg_room(struct svg_map *m)
{
	free(m->chan_w);
	free(m->gap_h);
	free(m->col_x);
	free(m->row_y);
	free(m->chan_tracks);
	free(m->gap_tracks);
	m->chan_tracks = xcalloc(m->n_cols + 1, sizeof *m->chan_tracks);
	m->gap_tracks = xcalloc(m->rows + 1, sizeof *m->gap_tracks);
	m->chan_w = xcalloc(m->n_cols + 1, sizeof *m->chan_w);
	m->col_x = xcalloc(m->n_cols + 1, sizeof *m->col_x);
	m->gap_h = xcalloc(m->rows + 1, sizeof *m->gap_h);
	m->row_y = xcalloc(m->rows + 1, sizeof *m->row_y);
	for (size_t c = 0; c <= m->n_cols; c++)
		m->chan_w[c] = SVG_GUTTER_IN;
	for (int s = 1; s < MOT_STAGE_COUNT; s++)
		m->chan_w[m->col_first[s]] = 2 * SVG_CARD_PAD + SVG_GUTTER_OUT;
	m->chan_w[0] = SVG_MARGIN + SVG_CARD_PAD;
	m->chan_w[m->n_cols] = SVG_MARGIN + SVG_CARD_PAD;
	for (size_t r = 0; r <= m->rows; r++)
		m->gap_h[r] = SVG_ROW_GAP;
}

/* Coordinates from the room: columns left to right, rows top down,
 * then the bands under the cards. */
static void svg_place(struct svg_map *m)
{
	double x = 0, y;

	for (size_t c = 0; c < m->n_cols; c++) {
		x += m->chan_w[c];
		m->col_x[c] = x;
		x += m->card_w;
	}
	m->width = x + m->chan_w[m->n_cols];
	m->header_h = m->header ? SVG_HEADER_H : 0;
	m->stage_top = SVG_MARGIN + m->header_h;
	m->cards_top = m->stage_top + SVG_STAGE_H;
	y = m->cards_top;
	for (size_t r = 0; r < m->rows; r++) {
		y += m->gap_h[r];
		m->row_y[r] = y;
		y += m->card_h;
	}
	for (size_t i = 0; i < m->j->n_touchpoints; i++) {
		m->cards[i].x = m->col_x[m->cards[i].col];
		m->cards[i].y = m->row_y[m->cards[i].row];
	}
	m->lanes_top = y + m->gap_h[m->rows];
}

/* The bands under the lanes, and the size of the whole. */
static void svg_bands(struct svg_map *m)
{
	m->curve_top = m->lanes_top + svg_lanes_height(m) + 10;
	m->legend_top = m->curve_top + SVG_CURVE_H;
	m->height = m->legend_top + svg_legend(NULL, m) + SVG_MARGIN;
}

/* Everything for at most `rows` rows of cards. */
static void svg_layout_rows(struct svg_map *m, size_t rows, unsigned lanes)
{
	svg_grid(m, rows);
	svg_room(m);
	svg_route_plan(m);
	svg_place(m);
	svg_lanes_measure(m, lanes);
	svg_bands(m);
	svg_route_place(m);
}

void svg_layout(struct svg_map *m, const struct mot_journey *j,
		const struct export_overlay *ov, unsigned lanes, bool header)
{
	size_t most = 1, best = 1;
	double best_scale = 0;

	memset(m, 0, sizeof *m);
	m->j = j;
	m->ov = ov;
	m->header = header;
	m->card_w = SVG_CARD_W;
	m->card_h = SVG_CARD_H + (ov ? SVG_HEAT_H : 0);
	m->cards = xcalloc(j->n_touchpoints + 1, sizeof *m->cards);
	m->path = xcalloc(j->n_touchpoints + 1, sizeof *m->path);
	m->n_path = journey_path_likely(j, m->path);
	for (size_t k = 0; k < m->n_path; k++)
		m->cards[m->path[k]].step = (long)k + 1;
	for (int s = 0; s < MOT_STAGE_COUNT; s++)
		if (model_stage_count(j, (enum mot_stage)s) > most)
			most = model_stage_count(j, (enum mot_stage)s);
	/* the tallest first: of two that print the same, fewer columns */
	for (size_t rows = most; rows >= 1; rows--) {
		double scale;

		svg_layout_rows(m, rows, lanes);
		scale = fmin(SVG_PAGE_ASPECT / m->width, 1.0 / m->height);
		if (scale > best_scale * 1.0001) {
			best_scale = scale;
			best = rows;
		}
	}
	svg_layout_rows(m, best, lanes);
	/* a picture narrower than the page: wider cards, fewer cut names */
	if (m->width < SVG_PAGE_ASPECT * m->height) {
		double more = (SVG_PAGE_ASPECT * m->height - m->width) /
			(double)m->n_cols;

		m->card_w += fmin(more, SVG_CARD_W / 2);
		svg_layout_rows(m, best, lanes);
	}
}

void svg_layout_free(struct svg_map *m)
{
	free(m->cards);
	free(m->path);
	free(m->col_x);
	free(m->row_y);
	free(m->chan_w);
	free(m->gap_h);
	free(m->chan_tracks);
	free(m->gap_tracks);
	free(m->routes);
	memset(m, 0, sizeof *m);
}
