/* ui_wom.c - PLACEHOLDER: being written (workshop mode, issue 6). */
#include "ui_int.h"

static void ui_wom_draw(struct ui *ui)
{
	ui_title(ui, "wom", "");
}

static void ui_wom_action(struct ui *ui, enum ui_action a)
{
	if (a == UI_ACT_BACK || a == UI_ACT_CANCEL)
		ui_pop(ui);
}

const struct ui_screen ui_wom_screen = {
	"wom", UI_CTX_WOM, ui_wom_draw, ui_wom_action, NULL, NULL, NULL,
};

void ui_wom_open(struct ui *ui)
{
	ui_push(ui, &ui_wom_screen);
}
