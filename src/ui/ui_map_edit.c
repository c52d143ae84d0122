/*
 * ui_map_edit.c - the changes made on the map itself, each one change
 * record that undo takes back: move a card (H J K L), delete it, its
 * emotion a point better or worse (+ -), make it an entry or not (E);
 * and the search (/ n).
 */
#include "ui_int.h"
#include "ui_map_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Move the selected card to `stage` at `position`, as one change. */
void ui_map_move(struct ui *ui, size_t i, enum mot_stage stage,
			size_t position)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[i];
	struct ui_change *c;
	char *key = xstrdup(tp->key);

	c = ui_change_new(UI_CHANGE_TOUCHPOINT, ui->key,
			  "move '%s' to %s, place %zu", tp->name,
			  model_stage_label(stage), position + 1);
	ui_tp_state_from(&c->tp[UI_BEFORE], &ui->view.j, i);
	ui_tp_state_from(&c->tp[UI_AFTER], &ui->view.j, i);
	c->tp[UI_AFTER].tp.stage = stage;
	c->tp[UI_AFTER].position = position;
	if (ui_do(ui, c) == STORE_OK)
		ui_map_select_key(ui, key);
	free(key);
}

void ui_map_delete(struct ui *ui, size_t i)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[i];
	struct ui_change *c;

	if (!ui_confirm(ui, "Delete '%s' and its transitions?", tp->name))
		return;
	c = ui_change_new(UI_CHANGE_TOUCHPOINT, ui->key, "delete '%s'",
			  tp->name);
	ui_tp_state_from(&c->tp[UI_BEFORE], &ui->view.j, i);
	c->tp[UI_AFTER].exists = false;
	ui_do(ui, c);
}

/* + and -: the card's emotion a point better or worse, as the touchpoint
 * form would save it (one change record: undo takes it back). */
void ui_map_emotion(struct ui *ui, size_t i, int delta)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[i];
	int from = tp->emotion, to = from + delta;
	struct ui_change *c;
	char *key, *name;

	if (to < MOT_EMOTION_MIN || to > MOT_EMOTION_MAX) {
		ui_error(ui, "Emotion of '%s' is %s already, the %s", tp->name,
			 ui_layout_emotion(from), delta > 0 ? "best" : "worst");
		return;
	}
	key = xstrdup(tp->key);
	name = xstrdup(tp->name);
	c = ui_change_new(UI_CHANGE_TOUCHPOINT, ui->key,
			  "set emotion of '%s' to %s", tp->name,
			  ui_layout_emotion(to));
	ui_tp_state_from(&c->tp[UI_BEFORE], &ui->view.j, i);
	ui_tp_state_from(&c->tp[UI_AFTER], &ui->view.j, i);
	c->tp[UI_AFTER].tp.emotion = to;
	if (ui_do(ui, c) == STORE_OK) {
		ui_map_select_key(ui, key);
		ui_message(ui, "Emotion of '%s': %s -> %s (u undoes)", name,
			   ui_layout_emotion(from), ui_layout_emotion(to));
	}
	free(key);
	free(name);
}

/* Say where the match is; one in a lane shows that lane under the cards. */
static void ui_map_found(struct ui *ui, size_t i)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[i];
	wchar_t *w = ui_wcs_from_utf8(ui->search, NULL);
	int where = ui_lanes_match(tp, w);

	free(w);
	if (where >= 0) {
		ui_lanes_show(ui, (enum mot_lane)where);
		ui_message(ui, "Found '%s', lane %s (n: next match)", tp->name,
			   model_lane_title((enum mot_lane)where));
	} else {
		ui_message(ui, "Found '%s'%s (n: next match)", tp->name,
			   where == UI_MATCH_NOTES ? " in its notes" : "");
	}
}

/* `/` asks for text, `n` finds the next card that holds it. */
void ui_map_search(struct ui *ui, bool again)
{
	long found;
	char *q;

	if (!again || !ui->search) {
		q = ui_ask(ui, "Search names, notes and lanes:", ui->search);
		if (!q || !*q) {
			free(q);
			return;
		}
		free(ui->search);
		ui->search = q;
	}
	/* From the card after the selected one, round to it last. */
	found = ui_view_search(&ui->view, ui->search, ui_map_selected(ui));
	if (found < 0) {
		ui_error(ui, "No name, note or lane holds '%s'", ui->search);
		return;
	}
	ui_map_select_key(ui, ui->view.j.touchpoints[found].key);
	ui_map_found(ui, (size_t)found);
}

/* Actions on the selected card; false when there is none. */

/* E: the card an entry with weight 1, or no entry any more. */
void ui_map_entry(struct ui *ui, size_t i)
{
	const struct mot_touchpoint *tp = &ui->view.j.touchpoints[i];
	double from = ui_view_entry(&ui->view, i);
	struct ui_change *c;
	char *key = xstrdup(tp->key);

	c = ui_change_new(UI_CHANGE_TOUCHPOINT, ui->key, from > 0 ?
			  "no entry at '%s' any more" : "make '%s' an entry",
			  tp->name);
	ui_tp_state_from(&c->tp[UI_BEFORE], &ui->view.j, i);
	ui_tp_state_from(&c->tp[UI_AFTER], &ui->view.j, i);
	c->tp[UI_AFTER].entry = from > 0 ? 0 : MOT_DEFAULT_WEIGHT;
	if (ui_do(ui, c) == STORE_OK)
		ui_map_select_key(ui, key);
	free(key);
}

/*
 * B: the journey as it was when its baseline was kept, back in place of
 * the journey as it is now: one whole-journey change, so u brings every
 * edit of the what-if back at once.  The copy takes the journey's key
 * as it is now, so that a rename since the baseline is kept.
 */
void ui_map_restore_base(struct ui *ui)
{
	const struct ws_outcome *b = ui->ws.base;
	struct mot_journey *now, *then;
	struct ui_change *c;

	if (!b) {
		ui_error(ui, "No baseline kept: b on the results keeps one");
		return;
	}
	now = xcalloc(1, sizeof *now);
	if (store_journey_load(ui->store, ui->key, now) != STORE_OK) {
		ui_error(ui, "%s", store_errmsg(ui->store));
		free(now);
		return;
	}
	then = xcalloc(1, sizeof *then);
	if (model_journey_copy(then, &b->j) != 0) {
		model_journey_free(now);
		free(now);
		free(then);
		ui_error(ui, "Out of memory");
		return;
	}
	free(then->key);
	then->key = xstrdup(ui->key);
	c = ui_change_new(UI_CHANGE_JOURNEY, NULL, "restore the baseline of "
			  "'%s'", ui->key);
	c->jr[UI_BEFORE].key = xstrdup(ui->key);
	c->jr[UI_BEFORE].snap = now;
	c->jr[UI_AFTER].key = xstrdup(ui->key);
	c->jr[UI_AFTER].snap = then;
	ui_do(ui, c);
}
