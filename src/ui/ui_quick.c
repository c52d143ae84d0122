/*
 * ui_quick.c - quick add, `i` on the map: a line at the bottom of the map
 * where a designer types card after card while the room talks.  Enter
 * adds the card after the selected one in the current stage and selects
 * it, so the next goes after it; Tab and Shift-Tab go to the next and
 * previous stage (new cards then go to its end); Esc, or Enter on an
 * empty line, ends.  The line takes shorthand (ui_shorthand.c): "Portal
 * @comparison-site -1 #xplr ~".  Every card is its own change record:
 * saved at once, and u on the map takes them back one by one.
 */
#include "ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char ui_quick_placeholder[] =
	"name @channel -1 #xplr 10% > ~!H$   Tab: next stage  Esc: done";

void ui_quick_free(struct ui *ui)
{
	if (ui->quick.line.buf)
		ui_field_free(&ui->quick.line);
	memset(&ui->quick, 0, sizeof ui->quick);
}

void ui_quick_open(struct ui *ui)
{
	ui_quick_free(ui);
	ui_field_init(&ui->quick.line, "Quick add", UI_FIELD_TEXT);
	ui_push(ui, &ui_quick_screen);
}

static void ui_quick_draw(struct ui *ui)
{
	struct ui_field *f = &ui->quick.line;
	int y = ui->rows - 1, x;
	char label[32];

	ui_map_screen.draw(ui);
	/* What the last Enter did shows above the line being typed, until
	 * the next card is added. */
	if (ui->msg[0] || ui->quick.last[0]) {
		ui_fill(ui, y - 1, 0, ui->cols, UI_R_NORMAL);
		ui_put(ui, y - 1, 0, ui->cols, ui->msg[0] ? ui->msg :
		       ui->quick.last, ui->msg[0] ? ui->msg_error ?
		       UI_R_ERROR : UI_R_OK : UI_R_DIM);
	}
	ui_fill(ui, y, 0, ui->cols, UI_R_NORMAL);
	snprintf(label, sizeof label, "+ %s> ",
		 model_stage_label(ui->map.stage));
	x = ui_put(ui, y, 0, ui->cols / 2, label, UI_R_KEY);
	ui_put_field(ui, f, y, x, ui->cols - x);
	if (f->len == 0)
		ui_put(ui, y, x + 1, ui->cols - x - 1, ui_quick_placeholder,
		       UI_R_DIM);
}

/* "comparison-site, -1, exploration, drop 10%, entry 1, not controlled" */
static void ui_quick_said(const struct ui_shorthand *sh, struct strbuf *b)
{
	char num[40];
	const char *sep = ": ";

#define UI_SAID(cond, ...) do { if (cond) { strbuf_puts(b, sep); \
	strbuf_printf(b, __VA_ARGS__); sep = ", "; } } while (0)
	UI_SAID(sh->channel, "%s", sh->channel);
	UI_SAID(sh->has_emotion, "emotion %s", ui_layout_emotion(sh->emotion));
	UI_SAID(sh->phase > 0, "%s", model_phase_key(sh->phase));
	UI_SAID(sh->has_drop, "drop %s", model_format_number(sh->drop, num,
							      sizeof num));
	UI_SAID(sh->entry > 0, "entry %s", model_format_number(sh->entry, num,
								sizeof num));
	UI_SAID(sh->critical, "critical");
	UI_SAID(sh->human, "human");
	UI_SAID(sh->conversion, "conversion");
	UI_SAID(sh->not_controlled, "not controlled");
#undef UI_SAID
}

/* One card after the selected one of the current stage (or first). */
static bool ui_quick_add(struct ui *ui, const struct ui_shorthand *sh)
{
	enum mot_stage s = (enum mot_stage)ui->map.stage;
	long sel = ui_map_selected(ui);
	struct ui_change *c = ui_change_new(UI_CHANGE_TOUCHPOINT, ui->key,
					    "add '%s' to %s", sh->name,
					    model_stage_label(s));
	struct ui_tp_state *a = &c->tp[UI_AFTER];
	struct strbuf said;
	char *key;
	bool done;

	a->exists = true;
	a->tp.key = ui_key_from_name(sh->name, &ui->view.j, false);
	a->tp.name = xstrdup(sh->name);
	a->tp.stage = s;
	a->tp.phase = sh->phase > 0 ? (enum mot_phase)sh->phase :
		MOT_PHASE_NONE;
	a->tp.channel = xstrdup(sh->channel);
	a->tp.emotion = sh->emotion;
	a->tp.drop = sh->drop;
	a->tp.controlled = !sh->not_controlled;
	a->tp.critical = sh->critical;
	a->tp.human = sh->human;
	a->tp.conversion = sh->conversion;
	a->position = sel >= 0 ? ui->map.row[s] + 1 : 0;
	a->entry = sh->entry;
	key = xstrdup(a->tp.key);
	done = ui_do(ui, c) == STORE_OK;
	if (done) {
		ui_map_select_key(ui, key);
		ui->quick.added++;
		strbuf_init(&said);
		strbuf_printf(&said, "Added '%s' to %s", sh->name,
			      model_stage_label(s));
		ui_quick_said(sh, &said);
		ui_message(ui, "%s (u on the map undoes)", said.s);
		snprintf(ui->quick.last, sizeof ui->quick.last, "%s", said.s);
		strbuf_free(&said);
	}
	free(key);
	return done;
}

static void ui_quick_done(struct ui *ui)
{
	ui_message(ui, "Quick add: %s added (u undoes them one by one)",
		   ui_plural(ui->quick.added, "card", "cards"));
	ui_pop(ui);
}

static void ui_quick_enter(struct ui *ui)
{
	struct ui_shorthand sh;
	char *text = ui_field_text(&ui->quick.line), err[200];

	if (!text) {	/* an empty line: done */
		ui_quick_done(ui);
		return;
	}
	if (ui_shorthand_parse(text, &sh, err, sizeof err) != 0)
		ui_error(ui, "%s", err);
	else if (ui_quick_add(ui, &sh))
		ui_field_kill(&ui->quick.line);
	ui_shorthand_free(&sh);
	free(text);
}

/* Tab, Shift-Tab: new cards go to the end of the next, previous stage. */
static void ui_quick_stage(struct ui *ui, int delta)
{
	int s = ui->map.stage + delta;
	size_t n;

	if (s < 0 || s >= MOT_STAGE_COUNT)
		return;
	n = ui->view.stage_count[s];
	ui->map.stage = s;
	ui->map.row[s] = n ? n - 1 : 0;
	ui_map_select_key(ui, NULL);
	ui_message(ui, "Quick add to %s (%s)", model_stage_label(s),
		   model_stage_title(s));
}

static void ui_quick_action(struct ui *ui, enum ui_action a)
{
	switch (a) {
	case UI_ACT_SAVE:
		ui_quick_enter(ui);
		return;
	case UI_ACT_CANCEL:
		ui_quick_done(ui);
		return;
	case UI_ACT_NEXT_FIELD:
	case UI_ACT_PREV_FIELD:
		ui_quick_stage(ui, a == UI_ACT_NEXT_FIELD ? 1 : -1);
		return;
	default:
		ui_field_edit(&ui->quick.line, a);
		return;
	}
}

static void ui_quick_text(struct ui *ui, wchar_t c)
{
	ui_field_insert(&ui->quick.line, c);
}

const struct ui_screen ui_quick_screen = {
	"quick add", UI_CTX_QUICK, ui_quick_draw, ui_quick_action,
	ui_quick_text, NULL, NULL,
};
