/*
 * ui_map.c - the journey map, the designer's main screen: a column of
 * cards per Moment-of-Truth stage (ui_map_cards.c), the emotion curve
 * along the most likely path below them and a detail panel on the
 * selected card with its transitions in and out (ui_map_curve.c).  This
 * file holds the screen: its state, keys and mouse; the edits made on
 * the map itself are in ui_map_edit.c.
 */
#include "ui_int.h"
#include "ui_map_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Most used first: the line is cut where the terminal ends. */
static const struct ui_hint ui_map_hints[] = {
	{ UI_ACT_OPEN, "edit" }, { UI_ACT_ADD, "add" },
	{ UI_ACT_DELETE, "del" }, { UI_ACT_TRANSITIONS, "trans" },
	{ UI_ACT_HELP, "help" }, { UI_ACT_BACK, "back" },
	{ UI_ACT_STAGE_PREV, "stage-" }, { UI_ACT_STAGE_NEXT, "stage+" },
	{ UI_ACT_UNDO, "undo" }, { UI_ACT_PERSONAS, "personas" },
	{ UI_ACT_SEARCH, "search" }, { UI_ACT_LANES, "lanes" },
	{ UI_ACT_EXPORT, "export" },
	{ UI_ACT_SIMULATE, "simulate" },
};

void ui_map_free(struct ui *ui)
{
	free(ui->map.sel_key);
	memset(&ui->map, 0, sizeof ui->map);
}

long ui_map_selected(const struct ui *ui)
{
	return ui_view_at(&ui->view, ui->map.stage,
			  ui->map.row[ui->map.stage]);
}

/* Keep every stage's row inside it, and remember the selected key. */
static void ui_map_settle(struct ui *ui)
{
	struct ui_map_state *st = &ui->map;
	long i;

	for (int s = 0; s < MOT_STAGE_COUNT; s++) {
		size_t n = ui->view.stage_count[s];

		if (st->row[s] >= n)
			st->row[s] = n ? n - 1 : 0;
	}
	i = ui_map_selected(ui);
	free(st->sel_key);
	st->sel_key = i >= 0 ? xstrdup(ui->view.j.touchpoints[i].key) : NULL;
}

void ui_map_select_key(struct ui *ui, const char *key)
{
	long i = ui_view_find(&ui->view, key);
	enum mot_stage s;

	if (i >= 0) {
		s = ui->view.j.touchpoints[i].stage;
		ui->map.stage = s;
		ui->map.row[s] = (size_t)i - ui->view.stage_start[s];
	}
	ui_map_settle(ui);
}

static void ui_map_reloaded(struct ui *ui)
{
	char *key = ui->map.sel_key ? xstrdup(ui->map.sel_key) : NULL;

	/* The same card, wherever it is now; else the same place. */
	if (key && ui_view_find(&ui->view, key) >= 0)
		ui_map_select_key(ui, key);
	else
		ui_map_settle(ui);
	free(key);
}


static void ui_map_draw(struct ui *ui)
{
	struct ui_map_state *st = &ui->map;
	struct ui_map_layout *l = &st->layout;
	char right[160];

	ui_layout_map(l, ui->cols, ui->rows, st->stage, st->first_stage);
	ui_lanes_layout(ui, l);
	st->first_stage = l->first_stage;
	if (!ui_sim_headline(ui, right, sizeof right, ui->cols / 2 - 3))
		snprintf(right, sizeof right, "%s",
			 ui_plural(ui->view.j.n_touchpoints, "touchpoint",
				   "touchpoints"));
	ui_title(ui, ui->view.j.title, right);
	for (int s = l->first_stage; s < l->first_stage + l->n_stages; s++)
		ui_map_column(ui, l, s);
	ui_lanes_draw(ui, l);
	ui_map_rule(ui, l);
	if (st->paths)
		ui_paths_draw(ui, l->curve_y, l->curve_h);
	else if (ui_obs_on(ui))
		ui_obs_gaps(ui, l->curve_y, l->curve_h);
	else
		ui_map_curve(ui, l);
	ui_map_detail(ui, l);
	ui_status(ui, ui_map_hints, sizeof ui_map_hints / sizeof ui_map_hints[0],
		  UI_CTX_MAP);
	ui_map_running(ui, l->status_y);
}

static bool ui_map_card_action(struct ui *ui, enum ui_action a, size_t i)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[i];
	size_t row = ui->map.row[ui->map.stage], n;
	enum mot_stage s = tp->stage;

	switch (a) {
	case UI_ACT_OPEN:
		ui_touchpoint_edit(ui, i);
		return true;
	case UI_ACT_DELETE:
		ui_map_delete(ui, i);
		return true;
	case UI_ACT_STAGE_PREV:
	case UI_ACT_STAGE_NEXT:
		s = (enum mot_stage)((int)s + (a == UI_ACT_STAGE_NEXT ? 1 : -1));
		if ((unsigned)s >= MOT_STAGE_COUNT)
			return true;
		n = ui->view.stage_count[s];
		ui_map_move(ui, i, s, row < n ? row : n);
		return true;
	case UI_ACT_MOVE_UP:
		if (row > 0)
			ui_map_move(ui, i, s, row - 1);
		return true;
	case UI_ACT_MOVE_DOWN:
		if (row + 1 < ui->view.stage_count[s])
			ui_map_move(ui, i, s, row + 1);
		return true;
	case UI_ACT_TRANSITIONS:
		ui_transitions_open(ui, tp->key);
		return true;
	case UI_ACT_ENTRY:
		ui_map_entry(ui, i);
		return true;
	case UI_ACT_EMO_UP:
	case UI_ACT_EMO_DOWN:
		ui_map_emotion(ui, i, a == UI_ACT_EMO_UP ? 1 : -1);
		return true;
	default:
		return false;
	}
}

/* The workshop's keys on the map; false when a is none of them. */
static bool ui_map_workshop(struct ui *ui, enum ui_action a)
{
	switch (a) {
	case UI_ACT_SIMULATE:
		ui_sim_panel(ui);
		return true;
	case UI_ACT_RESULTS:
		if (ui->ws.cur || ui->ws.job)
			ui_results_open(ui);
		else
			ui_error(ui, "No results yet: s simulates");
		return true;
	case UI_ACT_OVERLAY:
		if (!ui->ws.cur) {
			ui_error(ui, "No results to show on the cards yet: s "
				 "simulates");
			return true;
		}
		ui->ws.overlay = !ui->ws.overlay;
		ui_message(ui, "Results on the cards: %s",
			   ui->ws.overlay ? "on" : "off");
		return true;
	case UI_ACT_OBSERVED:
		ui_obs_toggle(ui);
		return true;
	case UI_ACT_OBS_FIT:
		ui_obs_fit_whatif(ui);
		return true;
	case UI_ACT_WALK:
		ui_walk_open(ui);
		return true;
	case UI_ACT_IMPACT:
		if (ui->ws.cur)
			ui_impact_open(ui);
		else
			ui_error(ui, "The impact view needs results: s simulates");
		return true;
	case UI_ACT_WOM:
		ui_wom_open(ui);
		return true;
	case UI_ACT_SCENARIOS:
		ui_scenarios_open(ui);
		return true;
	case UI_ACT_RERUN:
		if (ui->ws.cur)
			ui_sim_start(ui);
		else
			ui_error(ui, "No results yet: s simulates");
		return true;
	case UI_ACT_RESTORE_BASE:
		ui_map_restore_base(ui);
		return true;
	default:
		return false;
	}
}

static void ui_map_stage(struct ui *ui, int delta)
{
	struct ui_map_state *st = &ui->map;
	int s = st->stage + delta;
	size_t row = st->row[st->stage], n;

	if (s < 0 || s >= MOT_STAGE_COUNT)
		return;
	/* Stay level with the card left, as on a board of cards. */
	n = ui->view.stage_count[s];
	st->row[s] = row < n ? row : n ? n - 1 : 0;
	st->stage = s;
	ui_map_settle(ui);
}

bool ui_map_move_cursor(struct ui *ui, enum ui_action a)
{
	struct ui_map_state *st = &ui->map;
	int page = ui_layout_cards_visible(&st->layout);

	if (a == UI_ACT_LEFT || a == UI_ACT_RIGHT) {
		ui_map_stage(ui, a == UI_ACT_LEFT ? -1 : 1);
		return true;
	}
	if (a == UI_ACT_FIRST_STAGE || a == UI_ACT_LAST_STAGE) {
		ui_map_stage(ui, (a == UI_ACT_FIRST_STAGE ? 0 :
				  MOT_STAGE_COUNT - 1) - st->stage);
		return true;
	}
	if (ui_list_move(a, &st->row[st->stage],
			 ui->view.stage_count[st->stage], page)) {
		ui_map_settle(ui);
		return true;
	}
	return false;
}

static void ui_map_action(struct ui *ui, enum ui_action a)
{
	struct ui_map_state *st = &ui->map;
	long i = ui_map_selected(ui);

	if (ui_map_move_cursor(ui, a))
		return;
	if (i >= 0 && ui_map_card_action(ui, a, (size_t)i))
		return;
	if (ui_map_workshop(ui, a))
		return;
	switch (a) {
	case UI_ACT_CONNECT:
	case UI_ACT_CHAIN:
		ui_connect_open(ui, a == UI_ACT_CHAIN);
		break;
	case UI_ACT_ADD:
		ui_touchpoint_add(ui, st->stage, i >= 0 ? st->row[st->stage] + 1 :
				  0);
		break;
	case UI_ACT_PERSONAS:
		ui_personas_open(ui);
		break;
	case UI_ACT_QUICK_ADD:
		ui_quick_open(ui);
		break;
	case UI_ACT_PATHS:
		st->paths = !st->paths;
		ui_message(ui, st->paths ? "Paths two steps out of the selected "
			   "card (T: the emotion curve)" : "The emotion curve");
		break;
	case UI_ACT_META:
		ui_meta_edit(ui);
		break;
	case UI_ACT_SEARCH:
	case UI_ACT_SEARCH_NEXT:
		ui_map_search(ui, a == UI_ACT_SEARCH_NEXT);
		break;
	case UI_ACT_LANES:
		ui_lanes_next(ui);
		break;
	case UI_ACT_EXPORT:
		ui_export(ui, &ui->view.j);
		break;
	case UI_ACT_BACK: {
		char *key = xstrdup(ui->key);

		ui_close_journey(ui);
		free(ui->journeys.sel_key);
		ui->journeys.sel_key = key;
		ui_journeys_refresh(ui);
		break;
	}
	case UI_ACT_OPEN:
	case UI_ACT_DELETE:
	case UI_ACT_TRANSITIONS:
	case UI_ACT_ENTRY:
	case UI_ACT_EMO_UP:
	case UI_ACT_EMO_DOWN:
		ui_error(ui, "No card here: a adds one to %s",
			 model_stage_label(st->stage));
		break;
	default:
		break;
	}
}

static void ui_map_mouse(struct ui *ui, const MEVENT *ev)
{
	struct ui_map_state *st = &ui->map;
	const struct ui_map_layout *l = &st->layout;
	int s = -1;
	size_t row;

	for (int c = l->first_stage; c < l->first_stage + l->n_stages; c++)
		if (ev->x >= l->col_x[c] && ev->x < l->col_x[c] + l->col_w[c])
			s = c;
	if (s < 0)
		return;
	if (ev->bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		st->stage = s;
		ui_list_move(ev->bstate & BUTTON4_PRESSED ? UI_ACT_UP :
			     UI_ACT_DOWN, &st->row[s], ui->view.stage_count[s], 1);
		ui_map_settle(ui);
		return;
	}
	row = ui_map_card_at(ui, l, s, ev->y);
	if (row == SIZE_MAX)
		return;
	st->stage = s;
	st->row[s] = row;
	ui_map_settle(ui);
	if (ev->bstate & BUTTON1_DOUBLE_CLICKED)
		ui_touchpoint_edit(ui, (size_t)ui_map_selected(ui));
}

const struct ui_screen ui_map_screen = {
	"map", UI_CTX_MAP, ui_map_draw, ui_map_action, NULL, ui_map_mouse,
	ui_map_reloaded,
};
