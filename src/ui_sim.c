/* ui_sim.c - PLACEHOLDER: being written (workshop mode, issue 6). */
#include "ui_int.h"

void ui_sim_panel(struct ui *ui)
{
	ui_message(ui, "Simulation: coming in workshop mode");
}

void ui_sim_start(struct ui *ui)
{
	(void)ui;
}

void ui_sim_start_market(struct ui *ui)
{
	(void)ui;
}

void ui_sim_tick(struct ui *ui)
{
	(void)ui;
}

bool ui_sim_cancel(struct ui *ui)
{
	(void)ui;
	return false;
}

void ui_sim_free(struct ui *ui)
{
	(void)ui;
}

bool ui_sim_card(const struct ui *ui, size_t i, double *visits_per_customer,
		 double *drop_share)
{
	(void)ui;
	(void)i;
	*visits_per_customer = *drop_share = 0;
	return false;
}

void ui_sim_progress(struct ui *ui, int y, int x, int w)
{
	(void)ui;
	(void)y;
	(void)x;
	(void)w;
}
