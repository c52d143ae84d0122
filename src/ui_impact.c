/* ui_impact.c - PLACEHOLDER: being written (workshop mode, issue 6). */
#include "ui_int.h"

static void ui_impact_draw(struct ui *ui)
{
	ui_title(ui, "impact", "");
}

static void ui_impact_action(struct ui *ui, enum ui_action a)
{
	if (a == UI_ACT_BACK || a == UI_ACT_CANCEL)
		ui_pop(ui);
}

const struct ui_screen ui_impact_screen = {
	"impact", UI_CTX_IMPACT, ui_impact_draw, ui_impact_action, NULL, NULL, NULL,
};

void ui_impact_open(struct ui *ui)
{
	ui_push(ui, &ui_impact_screen);
}
