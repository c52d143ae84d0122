/*
 * ui_map_int.h - what the files of the journey map share (ui_map.c the
 * screen, ui_map_cards.c the columns, ui_map_curve.c the curve and the
 * detail panel, ui_map_edit.c the edits made on the map).
 */
#ifndef MOT_UI_MAP_INT_H
#define MOT_UI_MAP_INT_H

#include "ui_int.h"

/* ui_map_cards.c: stage s's header and the cards of it that fit. */
void ui_map_column(struct ui *ui, const struct ui_map_layout *l, int s);
/* Lines card i takes in a column w wide: 2, or 3 when its name needs
 * two lines. */
int ui_card_lines(const struct ui *ui, size_t i, int w);
/* The row of stage s's card at screen line y, or SIZE_MAX. */
size_t ui_map_card_at(struct ui *ui, const struct ui_map_layout *l, int s,
		      int y);

/* ui_map_curve.c */
void ui_map_rule(struct ui *ui, const struct ui_map_layout *l);
void ui_map_curve(struct ui *ui, const struct ui_map_layout *l);
void ui_map_detail(struct ui *ui, const struct ui_map_layout *l);
/* A background run's progress on the status line at row y. */
void ui_map_running(struct ui *ui, int y);

/* ui_lanes.c: the lanes view under the cards. */
bool ui_lanes_on(const struct ui *ui);
void ui_lanes_show(struct ui *ui, enum mot_lane l);
void ui_lanes_next(struct ui *ui);
/* Take the lanes' rows from the cards when the view is on. */
void ui_lanes_layout(struct ui *ui, struct ui_map_layout *l);
void ui_lanes_draw(struct ui *ui, const struct ui_map_layout *l);
/* ui_paths.c: the selected card's paths two steps out (T), in lines
 * [y, y + h) where the curve would be. */
void ui_paths_draw(struct ui *ui, int y, int h);

/* ui_observed.c, with the overlay on: card i's observed and designed
 * visits and its gap mark (the columns used, 0: nothing drawn); the
 * biggest gaps in lines [y, y + h); the selected card's figures in the
 * detail panel (false: not drawn). */
int ui_obs_card(struct ui *ui, int y, int x, int w, size_t i, attr_t sel);
void ui_obs_gaps(struct ui *ui, int y, int h);
bool ui_obs_detail(struct ui *ui, const struct ui_map_layout *l);

/* ui_map_edit.c: each one change record. */
void ui_map_move(struct ui *ui, size_t i, enum mot_stage stage,
		 size_t position);
void ui_map_delete(struct ui *ui, size_t i);
void ui_map_emotion(struct ui *ui, size_t i, int delta);
void ui_map_entry(struct ui *ui, size_t i);
/* B: the baseline's journey in place of the journey, as one change. */
void ui_map_restore_base(struct ui *ui);
/* `/` asks for a name (again: false), `n` finds the next card with it. */
void ui_map_search(struct ui *ui, bool again);

#endif
