/* ui_walk.c - PLACEHOLDER: being written (workshop mode, issue 6). */
#include "ui_int.h"

static void ui_walk_draw(struct ui *ui)
{
	ui_title(ui, "walk", "");
}

static void ui_walk_action(struct ui *ui, enum ui_action a)
{
	if (a == UI_ACT_BACK || a == UI_ACT_CANCEL)
		ui_pop(ui);
}

const struct ui_screen ui_walk_screen = {
	"walk", UI_CTX_WALK, ui_walk_draw, ui_walk_action, NULL, NULL, NULL,
};

void ui_walk_open(struct ui *ui)
{
	ui_push(ui, &ui_walk_screen);
}
