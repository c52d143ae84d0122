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

static void ui_card(struct ui *ui, int y, int x, int w, size_t i, bool sel)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[i];
	attr_t bar = ui->color ? ui_emotion_attr(ui, tp->emotion) | A_REVERSE :
		A_NORMAL;
	attr_t rev = sel ? A_REVERSE : A_NORMAL;
	enum ui_role name = sel ? UI_R_SELECTED : ui_phase_role(tp->phase);

	if (name == UI_R_NORMAL)
		name = UI_R_NAME;

	/* The bar shows the emotion's colour; '>' marks the selection
	 * (readable without colour, and in a screen dump). */
	for (int l = 0; l < 2; l++) {
		wattrset(stdscr, sel ? A_REVERSE | A_BOLD : bar);
		mvwaddch(stdscr, y + l, x, sel ? '>' : ui->color ? ' ' : '|');
		wattrset(stdscr, A_NORMAL);
		if (sel)
			ui_fill(ui, y + l, x + 1, w - 1, UI_R_SELECTED);
	}
	ui_put(ui, y, x + 1, w - 1, tp->name, name);
	ui_card_line2(ui, y + 1, x + 1, w - 1, i, rev);
}

static void ui_map_header(struct ui *ui, const struct ui_map_layout *l, int s,
			  size_t top, int visible)
{
	size_t n = ui->view.stage_count[s];
	size_t below = n > top + (size_t)visible ? n - top - (size_t)visible : 0;
	char buf[64], reach[16] = "";
	int w = l->col_w[s] - 1;
	enum ui_role r = s == ui->map.stage ? UI_R_SELECTED : UI_R_HEADER;
	double share;

	/* The funnel: how many of the simulated customers reach the stage. */
	if (ui_sim_stage(ui, s, &share))
		snprintf(reach, sizeof reach, " %.0f%%", 100 * share);
	/* The scroll marks first: on a narrow column the share is cut. */
	snprintf(buf, sizeof buf, "%s %zu%s%s%s", model_stage_label(s), n,
		 top ? " ^" : "", below ? " v" : "", reach);
	ui_fill(ui, l->header_y, l->col_x[s], w, r);
	ui_put(ui, l->header_y, l->col_x[s], w, buf, r);
	/* Stages off screen: an arrow says there is more that way. */
	if (s == l->first_stage && s > 0)
		ui_put(ui, l->header_y, l->col_x[s], 1, "<", UI_R_KEY);
	if (s == l->first_stage + l->n_stages - 1 && s < MOT_STAGE_COUNT - 1)
		ui_put(ui, l->header_y, ui->cols - 1, 1, ">", UI_R_KEY);
}

void ui_map_column(struct ui *ui, const struct ui_map_layout *l, int s)
{
	struct ui_map_state *st = &ui->map;
	int visible = ui_layout_cards_visible(l);
	size_t n = ui->view.stage_count[s];

	st->top[s] = ui_layout_scroll(st->row[s], st->top[s], (size_t)visible,
				      n);
	ui_map_header(ui, l, s, st->top[s], visible);
	for (int k = 0; k < visible && st->top[s] + (size_t)k < n; k++) {
		size_t row = st->top[s] + (size_t)k;

		ui_card(ui, l->cards_y + k * l->card_h, l->col_x[s],
			l->col_w[s] - 1, ui->view.stage_start[s] + row,
			s == st->stage && row == st->row[s]);
	}
	if (n == 0 && s == st->stage)
		ui_put(ui, l->cards_y, l->col_x[s], l->col_w[s] - 1,
		       "(empty: a adds)", UI_R_DIM);
}

