/* ui_scenarios.c - PLACEHOLDER: being written (workshop mode, issue 6). */
#include "ui_int.h"

static void ui_scenarios_draw(struct ui *ui)
{
	ui_title(ui, "scenarios", "");
}

static void ui_scenarios_action(struct ui *ui, enum ui_action a)
{
	if (a == UI_ACT_BACK || a == UI_ACT_CANCEL)
		ui_pop(ui);
}

const struct ui_screen ui_scenarios_screen = {
	"scenarios", UI_CTX_SCENARIOS, ui_scenarios_draw, ui_scenarios_action, NULL, NULL, NULL,
};

void ui_scenarios_open(struct ui *ui)
{
	ui_push(ui, &ui_scenarios_screen);
}

void ui_scenarios_free(struct ui *ui)
{
	(void)ui;
}
