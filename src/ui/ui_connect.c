/*
 * ui_connect.c - drawing transitions on the map with the cursor.  `c` on
 * a card starts from it: the movement keys go to a target card, in any
 * stage, and Enter draws the transition (weight 1, or the digits typed
 * before Enter); the mode stays, so one card fans out to several with a
 * move and an Enter each.  `C` chains instead: after A -> B the next
 * transition starts at B, for the linear stretches of a journey; C
 * while connecting switches between the two.  d deletes the transition
 * to the selected card, `:` draws one with a label (asked for), `c`
 * goes on from the selected card instead, Esc or q ends (back on the
 * card it started from, or, chaining, on the last one).  Each transition
 * is one change record: u undoes it without leaving the mode.
 *
 * The map below draws the source with its own mark and the cards it
 * leads to already (ui_map_cards.c), so the designer sees what exists.
 */
#include "ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void ui_connect_free(struct ui *ui)
{
	free(ui->conn.from);
	free(ui->conn.back);
	memset(&ui->conn, 0, sizeof ui->conn);
}

void ui_connect_open(struct ui *ui, bool chain)
{
	long i = ui_map_selected(ui);

	if (i < 0) {
		ui_error(ui, "No card here to connect from: a or i adds one");
		return;
	}
	ui_connect_free(ui);
	ui->conn.from = xstrdup(ui->view.j.touchpoints[i].key);
	ui->conn.chain = chain;
	ui_push(ui, &ui_connect_screen);
}

long ui_connect_source(const struct ui *ui)
{
	if (ui_top(ui) != &ui_connect_screen || !ui->conn.from)
		return -1;
	return ui_view_find(&ui->view, ui->conn.from);
}

/* The weight typed so far, or 1. */
static double ui_connect_weight(const struct ui *ui, bool *ok)
{
	struct ui_field f;
	double w;

	*ok = true;
	if (!ui->conn.weight[0])
		return MOT_DEFAULT_WEIGHT;
	ui_field_init(&f, "Weight", UI_FIELD_NUMBER);
	f.min = 0;
	f.max = 1e12;
	f.min_open = true;
	ui_field_set(&f, ui->conn.weight);
	*ok = ui_field_check(&f);
	w = ui_field_number(&f);
	ui_field_free(&f);
	return w;
}

static void ui_connect_status(struct ui *ui, long from, long to)
{
	const struct mot_journey *j = &ui->view.j;
	int y = ui->rows - 1, x = 0;
	char buf[400];

	ui_fill(ui, y, 0, ui->cols, UI_R_NORMAL);
	if (ui->msg[0]) {	/* what the last key did, above the mode line */
		ui_fill(ui, y - 1, 0, ui->cols, UI_R_NORMAL);
		ui_put(ui, y - 1, 0, ui->cols, ui->msg, ui->msg_error ?
		       UI_R_ERROR : UI_R_OK);
	}
	x += ui_put(ui, y, 0, ui->cols, ui->conn.chain ? "CHAIN " : "CONNECT ",
		    UI_R_KEY);
	snprintf(buf, sizeof buf, "%s -> %s%s%s  Enter draws, Esc done",
		 from >= 0 ? j->touchpoints[from].name : "?",
		 to >= 0 ? j->touchpoints[to].name : "(no card here)",
		 ui->conn.weight[0] ? "  weight " : "", ui->conn.weight);
	ui_put(ui, y, x, ui->cols - x, buf, UI_R_NORMAL);
}

static void ui_connect_draw(struct ui *ui)
{
	long from = ui_connect_source(ui);

	ui_map_screen.draw(ui);
	ui_connect_status(ui, from, ui_map_selected(ui));
}

static void ui_connect_make(struct ui *ui, bool ask_label)
{
	long from = ui_connect_source(ui), to = ui_map_selected(ui), k;
	const struct mot_touchpoint *tp;
	char num[40], *label = NULL;
	bool ok, made;
	double w = ui_connect_weight(ui, &ok);

	if (from < 0 || to < 0) {
		ui_error(ui, "No card here: move to the card customers go to");
		return;
	}
	if (!ok) {
		ui_error(ui, "Weight '%s': type a number greater than 0 "
			 "(Backspace corrects it)", ui->conn.weight);
		return;
	}
	tp = &ui->view.j.touchpoints[from];
	if (from == to) {
		ui_error(ui, "That is '%s' itself: move to another card",
			 tp->name);
		return;
	}
	k = ui_transition_find(ui, (size_t)from,
			       ui->view.j.touchpoints[to].key);
	if (k >= 0) {
		ui_error(ui, "'%s' -> '%s' is there already (weight %s): t on "
			 "the map changes it", tp->name,
			 ui->view.j.touchpoints[to].name,
			 model_format_number(tp->next[k].weight, num,
					     sizeof num));
		return;
	}
	if (ask_label) {
		char q[300];

		snprintf(q, sizeof q, "Label of %s -> %s:", tp->name,
			 ui->view.j.touchpoints[to].name);
		label = ui_ask(ui, q, NULL);
		if (!label || ui->quit) {
			free(label);
			return;
		}
	}
	made = ui_transition_new(ui, tp->key, ui->view.j.touchpoints[to].key,
				 w, label);
	free(label);
	if (!made)
		return;
	ui->conn.weight[0] = '\0';
	ui->conn.made++;
	to = ui_map_selected(ui);	/* reloaded: find it again */
	if (ui->conn.chain && to >= 0) {
		free(ui->conn.back);
		ui->conn.back = ui->conn.from;
		ui->conn.from = xstrdup(ui->view.j.touchpoints[to].key);
	}
}

/* c while connecting: the selected card is the new start. */
static void ui_connect_from_here(struct ui *ui)
{
	long i = ui_map_selected(ui);

	if (i < 0) {
		ui_error(ui, "No card here to go on from");
		return;
	}
	free(ui->conn.from);
	free(ui->conn.back);
	ui->conn.back = NULL;
	ui->conn.from = xstrdup(ui->view.j.touchpoints[i].key);
	ui_message(ui, "Connecting from '%s'", ui->view.j.touchpoints[i].name);
}

static void ui_connect_delete(struct ui *ui)
{
	long from = ui_connect_source(ui), to = ui_map_selected(ui), k = -1;

	if (from >= 0 && to >= 0)
		k = ui_transition_find(ui, (size_t)from,
				       ui->view.j.touchpoints[to].key);
	if (k < 0) {
		ui_error(ui, "No transition to this card from '%s'",
			 from >= 0 ? ui->view.j.touchpoints[from].name : "?");
		return;
	}
	ui_transition_delete(ui, (size_t)from, (size_t)k);
}

static void ui_connect_done(struct ui *ui)
{
	char *back = ui->conn.chain ? NULL : xstrdup(ui->conn.from);

	ui_message(ui, "Connected: %s drawn (u undoes them one by one)",
		   ui_plural(ui->conn.made, "transition", "transitions"));
	ui_pop(ui);
	if (back)	/* fanning out: back on the card it started from */
		ui_map_select_key(ui, back);
	free(back);
}

static void ui_connect_action(struct ui *ui, enum ui_action a)
{
	size_t n;

	switch (a) {
	case UI_ACT_OPEN:
	case UI_ACT_LABEL:
		ui_connect_make(ui, a == UI_ACT_LABEL);
		return;
	case UI_ACT_CONNECT:
		ui_connect_from_here(ui);
		return;
	case UI_ACT_DELETE:
		ui_connect_delete(ui);
		return;
	case UI_ACT_CHAIN:
		ui->conn.chain = !ui->conn.chain;
		ui_message(ui, ui->conn.chain ? "Chain: each transition goes "
			   "on from its target" : "Connect: every transition "
			   "from the same card");
		return;
	case UI_ACT_BACK:
		ui_connect_done(ui);
		return;
	case UI_ACT_BACKSPACE:
		n = strlen(ui->conn.weight);
		if (n)
			ui->conn.weight[n - 1] = '\0';
		return;
	default:
		/* Moving: the map's own keys move its cursor, the target. */
		ui_map_move_cursor(ui, a);
		return;
	}
}

/* Digits typed before Enter are the weight of the next transition. */
static void ui_connect_text(struct ui *ui, wchar_t c)
{
	size_t n = strlen(ui->conn.weight);

	if (c == 0x7f || c == 0x08) {	/* Backspace as a character */
		ui_connect_action(ui, UI_ACT_BACKSPACE);
		return;
	}
	if ((c >= L'0' && c <= L'9') || c == L'.' || c == L',') {
		if (n + 1 < sizeof ui->conn.weight) {
			ui->conn.weight[n] = (char)c;
			ui->conn.weight[n + 1] = '\0';
		}
		return;
	}
	ui_error(ui, "Move to a card and press Enter (digits first: the "
		 "weight; : for a label); Esc ends");
}

static void ui_connect_reloaded(struct ui *ui)
{
	long back = ui->conn.back ? ui_view_find(&ui->view, ui->conn.back) :
		-1;

	/* Chaining, u took back the last transition: the chain goes on
	 * from where that one started. */
	if (back >= 0 && ui->conn.from &&
	    ui_transition_find(ui, (size_t)back, ui->conn.from) < 0) {
		free(ui->conn.from);
		ui->conn.from = ui->conn.back;
		ui->conn.back = NULL;
	}
	if (ui->conn.from && ui_view_find(&ui->view, ui->conn.from) < 0 &&
	    ui_top(ui) == &ui_connect_screen) {
		ui_error(ui, "The card connected from is no longer there");
		ui_pop(ui);
	}
}

const struct ui_screen ui_connect_screen = {
	"connect", UI_CTX_CONNECT, ui_connect_draw, ui_connect_action,
	ui_connect_text, NULL, ui_connect_reloaded,
};
