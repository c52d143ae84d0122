/*
 * export_svg_int.h - the journey-map picture's parts (private to
 * src/export/export_svg*.c):
 *
 *   export_svg_text.c    glyph widths, wrapping and cutting of text
 *   export_svg_layout.c  the grid of cards fitted to a landscape page, the
 *                        lane rows, the bands below
 *   export_svg_route.c   loop arrows routed in the gutters between cards
 *   export_svg_lanes.c   the lanes under the cards, measured and drawn
 *   export_svg.c         drawing: header, stages, cards, loops, curve, legend
 *
 * All sizes are SVG user units (px at 100%).
 */
#ifndef MOT_EXPORT_SVG_INT_H
#define MOT_EXPORT_SVG_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "export_util.h"
#include "model.h"

#define SVG_MARGIN 20.0
#define SVG_CARD_W 180.0
#define SVG_CARD_H 84.0
#define SVG_HEAT_H 24.0		/* added to a card by --sim */
#define SVG_CARD_PAD 10.0	/* card inset in its stage column */
#define SVG_GUTTER_IN 26.0	/* least room between two card columns of a stage */
#define SVG_GUTTER_OUT 30.0	/* least room between two stage columns */
#define SVG_ROW_GAP 14.0	/* least room between two rows of cards */
#define SVG_TRACK 7.0		/* between two arrows running side by side */
#define SVG_CLEAR 12.0		/* arrows keep this far from a card's side */
#define SVG_STAGE_H 46.0
#define SVG_CURVE_H 124.0
#define SVG_PLOT_H 66.0		/* emotion -3..+3 inside the curve band */
#define SVG_NAME_LINES 2
#define SVG_FONT "Helvetica, Arial, Liberation Sans, DejaVu Sans, sans-serif"
#define SVG_LOOP "#7b3294"
#define SVG_INK "#1f2933"
#define SVG_MUTED "#52606d"

/* --- text (export_svg_text.c) -------------------------------------------- */

/* A piece of text to draw on one line. */
struct svg_line {
	const char *s;
	size_t n;
	bool ellipsis;
};

/* Estimated width of s[0..n) at a font size, on the wide side. */
double svg_text_w(const char *s, size_t n, double size, bool bold);
/*
 * Wrap s into at most max lines no wider than maxw; when text is left
 * over, the last line is cut to make room for an ellipsis.  Returns the
 * number of lines; *cut (may be NULL) tells whether text was left out.
 */
size_t svg_wrap(const char *s, double maxw, double size, bool bold,
		struct svg_line *lines, size_t max, bool *cut);
/* A <text> element: one line (already fitted) at x, y. */
void svg_text_line(FILE *out, double x, double y, const char *attrs,
		   const struct svg_line *l);
/* Text cut to one line of maxw with an ellipsis; true when it was cut. */
bool svg_text_cut(FILE *out, double x, double y, double maxw, double size,
		  bool bold, const char *attrs, const char *s);
/* Whether s fits on one line of maxw as it is. */
bool svg_text_fits(const char *s, double maxw, double size, bool bold);

/* --- the map -------------------------------------------------------------- */

struct svg_card {
	double x, y;	/* top left */
	size_t col;	/* card column, 0 .. m->n_cols - 1, left to right */
	size_t row;	/* row in that column, from the top */
	long step;	/* 1-based place on the most likely path, or 0 */
};

/* A point of an arrow: arrows are runs of straight pieces. */
struct svg_pt {
	double x, y;
};

#define SVG_ROUTE_PTS 6

/*
 * A loop arrow.  It leaves its card from a side into the room between
 * card columns (channel ch_out), runs along it to a gap between rows,
 * along the gap to channel ch_in and into the right side of its target;
 * when ch_out == ch_in it runs in that one channel.  Arrows that share
 * a channel or gap run side by side, on tracks.
 */
struct svg_route {
	size_t from, to;	/* touchpoints */
	size_t k;		/* the transition: from's next[k] */
	size_t ch_out, ch_in, gap;
	bool out_left;		/* leaves from the left side of its card */
	size_t t_out, t_in, t_gap;	/* tracks in ch_out, ch_in, the gap */
	size_t port_out, n_out;	/* slot on the side it leaves, of n_out */
	size_t port_in, n_in;	/* slot on the target's right side */
	struct svg_pt pt[SVG_ROUTE_PTS];	/* placed: the way, end last */
	size_t n_pt;
};

/* The lanes drawn, and the height of each lane's row. */
struct svg_lanes {
	enum mot_lane lane[MOT_LANE_COUNT];
	double height[MOT_LANE_COUNT];
	size_t n;
};

struct svg_map {
	const struct mot_journey *j;
	const struct export_overlay *ov;	/* NULL without --sim */
	bool header;				/* title and description drawn */
	struct svg_card *cards;			/* one per touchpoint */
	size_t *path, n_path;
	/* the grid: a stage has card columns, all stages share the rows */
	size_t rows;
	size_t n_cols;
	size_t col_first[MOT_STAGE_COUNT + 1];	/* first column of stage s */
	double *col_x;		/* left side of the cards of column c */
	double *row_y;		/* top of row r */
	double *chan_w;		/* room left of column c (c = n_cols: right) */
	double *gap_h;		/* room above row r (r = rows: below the last) */
	size_t *chan_tracks;	/* arrows side by side in channel c */
	size_t *gap_tracks;	/* ... and in the gap above row r */
	struct svg_route *routes;
	size_t n_routes;
	struct svg_lanes lanes;
	double width, height, card_w, card_h;
	double header_h, stage_top, cards_top, lanes_top, curve_top, legend_top;
};

/* --- layout (export_svg_layout.c) ------------------------------------------ */

/* Lay the picture out: the grid that fits a landscape page best, the
 * loops routed, the lanes measured.  Free with svg_layout_free(). */
void svg_layout(struct svg_map *m, const struct mot_journey *j,
		const struct export_overlay *ov, unsigned lanes, bool header);
void svg_layout_free(struct svg_map *m);
/* Left and right side of stage s's column (its background). */
double svg_stage_left(const struct svg_map *m, enum mot_stage s);
double svg_stage_right(const struct svg_map *m, enum mot_stage s);

/* --- loops (export_svg_route.c) ---------------------------------------------- */

/*
 * Route every loop of the journey (a transition back to the same or an
 * earlier touchpoint) through the room between the cards: out of the
 * side of its card, along the gutters between card columns and the gaps
 * between rows, into the right side of its target.  Sets m->routes, and
 * widens m->chan_w and m->gap_h to hold the arrows side by side; the
 * points are placed by svg_route_place() once the grid has its
 * coordinates.
 */
void svg_route_plan(struct svg_map *m);
void svg_route_place(struct svg_map *m);

/* --- lanes (export_svg_lanes.c) ---------------------------------------------- */

/* Which lanes the picture draws (opt's choice, or the lanes with content
 * other than evidence) and the height of each row for the grid laid out. */
void svg_lanes_measure(struct svg_map *m, unsigned lanes);
double svg_lanes_height(const struct svg_map *m);
void svg_lanes_draw(FILE *out, const struct svg_map *m);

/* --- drawing pieces other files share (export_svg.c) ---------------------- */

/* A KPI's mark: a triangle down (missed) or up (met), readable without
 * colour (export_svg_lanes.c). */
void svg_kpi_mark(FILE *out, double x, double y, bool missed);
/* The legend under the curve from m->legend_top; with out NULL only
 * measured.  Returns its height. */
double svg_legend(FILE *out, const struct svg_map *m);

#endif
