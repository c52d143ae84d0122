/*
 * ui_map_cards.c - the journey map's columns: a stage header and the
 * stage's cards.
 *
 * A card reads without colour: its emotion is a signed number ("+2"),
 * marks are letters (! critical, H human, $ conversion, ~ not run by the
 * company, <> in a loop), and the messy middle's exploration and
 * evaluation cards carry XPLR / EVAL tags (and a colour when there is
 * one).  Only the cards on screen are drawn, so a journey of a thousand
 * touchpoints costs no more per keystroke than one of ten.
 *
 * Workshop mode: after a simulation each card shows its visits per
 * customer and the share of the customers who reached it that left there
 * ("1.24v 18%" and a heat mark that reads without colour: a shade of the
 * block, or . : * # on a terminal without colour).
 */
#include "ui_int.h"
#include "ui_map_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *ui_phase_tag(enum mot_phase p)
{
	switch (p) {
	case MOT_PHASE_EXPOSURE:
		return "EXPO";
	case MOT_PHASE_EXPLORATION:
		return "XPLR";
	case MOT_PHASE_EVALUATION:
		return "EVAL";
	case MOT_PHASE_EXPERIENCE:
		return "EXPR";
	default:
		return NULL;
	}
}

static enum ui_role ui_phase_role(enum mot_phase p)
{
	return p == MOT_PHASE_EXPLORATION ? UI_R_EXPLORE :
		p == MOT_PHASE_EVALUATION ? UI_R_EVALUATE : UI_R_NORMAL;
}

/* "!H$~<>" for the card's marks. */
static void ui_card_marks(const struct ui *ui, size_t i, char *buf)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[i];
	char *p = buf;

	if (tp->critical)
		*p++ = '!';
	if (tp->human)
		*p++ = 'H';
	if (tp->conversion)
		*p++ = '$';
	if (!tp->controlled)
		*p++ = '~';
	if (ui->view.loops[i]) {
		*p++ = '<';
		*p++ = '>';
	}
	*p = '\0';
}

/* Drop-off share to a heat level 0..3. */
static int ui_heat_level(double drop)
{
	return drop < 0.05 ? 0 : drop < 0.15 ? 1 : drop < 0.30 ? 2 : 3;
}

/*
 * The results on a card's second line after its emotion: "1.24v 18%"
 * then the heat mark, or only "18%" and the mark when narrow.  Returns
 * the columns used, 0 when there are no results to show.
 */
static int ui_card_overlay(struct ui *ui, int y, int x, int w, size_t i,
			   attr_t sel)
{
	static const char *const shade[4] = { "\u2591", "\u2592", "\u2593",
					      "\u2588" };
	static const char *const plain[4] = { ".", ":", "*", "#" };
	double v, d;
	char visits[16], drop[16];
	int level, used = 0;

	if (ui_obs_on(ui))
		return ui_obs_card(ui, y, x, w, i, sel);
	if (!ui_sim_card(ui, i, &v, &d))
		return 0;
	level = ui_heat_level(d);
	snprintf(visits, sizeof visits, v < 9.995 ? "%.2fv " : v < 99.95 ?
		 "%.1fv " : "%.0fv ", v);
	if (d > 0 && d < 0.005)
		snprintf(drop, sizeof drop, "<1%%");
	else
		snprintf(drop, sizeof drop, "%.0f%%", 100 * d);
	if ((int)(strlen(visits) + strlen(drop)) + 1 <= w)
		used = ui_put(ui, y, x, w, visits, sel ? UI_R_SELECTED :
			      UI_R_NORMAL);
	if (used + (int)strlen(drop) + 1 > w)
		return used;
	used += ui_put(ui, y, x + used, w - used, drop,
		       sel ? UI_R_SELECTED : UI_R_HEAT + level);
	used += ui_put(ui, y, x + used, w - used, ui->color ? shade[level] :
		       plain[level], sel ? UI_R_SELECTED : UI_R_HEAT + level);
	return used;
}

static void ui_card_line2(struct ui *ui, int y, int x, int w, size_t i,
			  attr_t sel)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[i];
	const char *tag = ui_phase_tag(tp->phase);
	char marks[8];
	int mw, used, over;

	ui_card_marks(ui, i, marks);
	mw = (int)strlen(marks);
	wattrset(stdscr, ui_emotion_attr(ui, tp->emotion) | sel);
	mvwaddstr(stdscr, y, x, ui_layout_emotion(tp->emotion));
	used = (int)strlen(ui_layout_emotion(tp->emotion)) + 1;
	wattrset(stdscr, A_NORMAL);
	over = ui_card_overlay(ui, y, x + used, w - used, i, sel);
	if (over) {	/* the marks where room is left, then nothing else */
		used += over + 1;
		if (mw && used + mw <= w) {
			wattrset(stdscr, ui_attr(ui, UI_R_LOOP) | sel);
			mvwaddstr(stdscr, y, x + w - mw, marks);
			wattrset(stdscr, A_NORMAL);
		}
		return;
	}
	if (tag && (tp->phase == MOT_PHASE_EXPLORATION ||
		    tp->phase == MOT_PHASE_EVALUATION) && used + 5 + mw <= w) {
		wattrset(stdscr, ui_attr(ui, ui_phase_role(tp->phase)) | sel);
		mvwaddstr(stdscr, y, x + used, tag);
		wattrset(stdscr, A_NORMAL);
		used += 5;
	}
	if (tp->channel && used < w - mw - 1) {
		ui_put(ui, y, x + used, w - mw - 1 - used, tp->channel,
		       sel ? UI_R_SELECTED : UI_R_DIM);
	}
	if (mw && mw <= w) {
		wattrset(stdscr, ui_attr(ui, UI_R_LOOP) | sel);
		mvwaddstr(stdscr, y, x + w - mw, marks);
		wattrset(stdscr, A_NORMAL);
	}
}

/* --- names on two lines ------------------------------------------------ */

/*
 * Where a name longer than w columns breaks: after the last blank that
 * fits, else where the columns end.  Returns the bytes of line one; *rest
 * is where line two starts (blanks skipped).
 */
static size_t ui_card_break(const char *name, int w, const char **rest)
{
	int cols;
	size_t n = util_utf8_prefix(name, w, &cols), cut = n;

	if (name[n] && name[n] != ' ') {
		while (cut > 0 && name[cut - 1] != ' ')
			cut--;
		if (cut == 0)
			cut = n;
	}
	*rest = name + cut;
	while (**rest == ' ')
		(*rest)++;
	while (cut > 0 && name[cut - 1] == ' ')
		cut--;
	return cut;
}

int ui_card_lines(const struct ui *ui, size_t i, int w)
{
	return util_utf8_width(ui->view.j.touchpoints[i].name) > w - 1 ? 3 : 2;
}

/* The name on one line, or over two and cut with "..." after that. */
static void ui_card_name(struct ui *ui, int y, int x, int w, const char *name,
			 enum ui_role role, int lines)
{
	const char *rest;
	size_t n;
	char *one;

	if (lines < 3) {
		ui_put(ui, y, x, w, name, role);
		return;
	}
	n = ui_card_break(name, w, &rest);
	one = xstrndup(name, n);
	ui_put(ui, y, x, w, one, role);
	free(one);
	if (util_utf8_width(rest) <= w) {
		ui_put(ui, y + 1, x, w, rest, role);
	} else {
		int cols;
		size_t k = util_utf8_prefix(rest, w - 1, &cols);
		char *two = xasprintf("%.*s\u2026", (int)k, rest);

		ui_put(ui, y + 1, x, w, two, role);
		free(two);
	}
}

/* --- the graph around the selected card ------------------------------- */

static bool ui_card_leads(const struct ui *ui, size_t from, size_t to)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[from];
	const char *key = ui->view.j.touchpoints[to].key;

	for (size_t k = 0; k < tp->n_next; k++)
		if (util_streq(tp->next[k].to, key))
			return true;
	return false;
}

/*
 * The mark in the bar of a card that is not the selected one, read
 * against the anchor (the selected card, or while connecting the card
 * connected from): -> the anchor leads here, <- this leads to the
 * anchor, <-> both; * is the card being connected from.  NULL: none.
 */
static const char *ui_card_graph_mark(const struct ui *ui, size_t i,
				      long anchor, bool connecting)
{
	bool out, in;

	if (anchor < 0)
		return NULL;
	if ((size_t)anchor == i)
		return connecting ? "\u25cf" : NULL;
	out = ui_card_leads(ui, (size_t)anchor, i);
	in = ui_card_leads(ui, i, (size_t)anchor);
	return out && in ? "\u2194" : out ? "\u2192" : in ? "\u2190" : NULL;
}

static void ui_card(struct ui *ui, int y, int x, int w, size_t i, bool sel,
		    long anchor)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[i];
	attr_t bar = ui->color ? ui_emotion_attr(ui, tp->emotion) | A_REVERSE :
		A_NORMAL;
	attr_t rev = sel ? A_REVERSE : A_NORMAL;
	enum ui_role name = sel ? UI_R_SELECTED : ui_phase_role(tp->phase);
	int lines = ui_card_lines(ui, i, w);
	const char *mark = sel ? NULL : ui_card_graph_mark(ui, i, anchor,
		ui_connect_source(ui) >= 0);

	if (name == UI_R_NORMAL)
		name = UI_R_NAME;

	/* The bar shows the emotion's colour; '>' marks the selection
	 * (readable without colour, and in a screen dump). */
	for (int l = 0; l < lines; l++) {
		wattrset(stdscr, sel ? A_REVERSE | A_BOLD : bar);
		mvwaddch(stdscr, y + l, x, sel ? '>' : ui->color ? ' ' : '|');
		wattrset(stdscr, A_NORMAL);
		if (sel)
			ui_fill(ui, y + l, x + 1, w - 1, UI_R_SELECTED);
	}
	/* The graph mark replaces the bar on the first line. */
	if (mark)
		ui_put(ui, y, x, 1, mark, UI_R_KEY);
	ui_card_name(ui, y, x + 1, w - 1, tp->name, name, lines);
	ui_card_line2(ui, y + lines - 1, x + 1, w - 1, i, rev);
}

static void ui_map_header(struct ui *ui, const struct ui_map_layout *l, int s,
			  size_t top, size_t shown)
{
	size_t n = ui->view.stage_count[s];
	size_t below = n > top + shown ? n - top - shown : 0;
	char buf[80], reach[16] = "";
	int w = l->col_w[s] - 1, x = l->col_x[s];
	enum ui_role r = s == ui->map.stage ? UI_R_SELECTED : UI_R_HEADER;
	bool left = s == l->first_stage && s > 0;
	bool right = s == l->first_stage + l->n_stages - 1 &&
		s < MOT_STAGE_COUNT - 1;
	double share;

	/* The funnel: how many of the simulated customers reach the stage. */
	if (ui_sim_stage(ui, s, &share))
		snprintf(reach, sizeof reach, " %.0f%%", 100 * share);
	/* The scroll marks first: on a narrow column the share is cut. */
	snprintf(buf, sizeof buf, "%s %zu%s%s%s", model_stage_label(s), n,
		 top ? " ^" : "", below ? " v" : "", reach);
	ui_fill(ui, l->header_y, x, w, r);
	/* Stages off screen: an arrow says there is more that way.  It
	 * sits before the label, never on it: "<" over FMOT would read as
	 * the stage <ZMOT. */
	if (left) {
		ui_put(ui, l->header_y, x, 1, "\u00ab", UI_R_KEY);
		x++;
		w--;
	}
	ui_put(ui, l->header_y, x, w, buf, r);
	if (right)
		ui_put(ui, l->header_y, ui->cols - 1, 1, "\u00bb", UI_R_KEY);
}

struct ui_col_ctx {
	const struct ui *ui;
	size_t start;
	int w;
};

static int ui_col_height(size_t row, void *ctx)
{
	const struct ui_col_ctx *c = ctx;

	return ui_card_lines(c->ui, c->start + row, c->w);
}

size_t ui_map_card_at(struct ui *ui, const struct ui_map_layout *l, int s,
		      int y)
{
	struct ui_col_ctx c = { ui, ui->view.stage_start[s], l->col_w[s] - 1 };
	size_t n = ui->view.stage_count[s];
	int gap = l->card_h - l->card_lines, top = l->cards_y;

	for (size_t row = ui->map.top[s]; row < n; row++) {
		int h = ui_col_height(row, &c);

		if (top + h > l->cards_y + l->cards_h)
			break;
		if (y >= top && y < top + h)
			return row;
		top += h + gap;
	}
	return SIZE_MAX;
}

void ui_map_column(struct ui *ui, const struct ui_map_layout *l, int s)
{
	struct ui_map_state *st = &ui->map;
	size_t n = ui->view.stage_count[s], shown = 0;
	int gap = l->card_h - l->card_lines, y = l->cards_y;
	struct ui_col_ctx c = { ui, ui->view.stage_start[s], l->col_w[s] - 1 };
	long sel = ui_map_selected(ui), anchor = ui_connect_source(ui);

	if (anchor < 0)
		anchor = sel;
	st->top[s] = ui_layout_scroll_lines(st->row[s], st->top[s], n,
					    l->cards_h, gap, ui_col_height, &c);
	for (size_t row = st->top[s]; row < n; row++) {
		int h = ui_col_height(row, &c);

		if (y + h > l->cards_y + l->cards_h && shown)
			break;
		ui_card(ui, y, l->col_x[s], l->col_w[s] - 1,
			ui->view.stage_start[s] + row,
			s == st->stage && row == st->row[s], anchor);
		shown++;
		y += h + gap;
	}
	ui_map_header(ui, l, s, st->top[s], shown);
	if (n == 0 && s == st->stage)
		ui_put(ui, l->cards_y, l->col_x[s], l->col_w[s] - 1,
		       "(empty: a adds)", UI_R_DIM);
}
