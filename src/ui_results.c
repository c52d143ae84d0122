/* ui_results.c - PLACEHOLDER: being written (workshop mode, issue 6). */
#include "ui_int.h"

static void ui_results_draw(struct ui *ui)
{
	ui_title(ui, "results", "");
}

static void ui_results_action(struct ui *ui, enum ui_action a)
{
	if (a == UI_ACT_BACK || a == UI_ACT_CANCEL)
		ui_pop(ui);
}

const struct ui_screen ui_results_screen = {
	"results", UI_CTX_RESULTS, ui_results_draw, ui_results_action, NULL, NULL, NULL,
};

void ui_results_open(struct ui *ui)
{
	ui_push(ui, &ui_results_screen);
}
