/* ui_simexport.c - PLACEHOLDER: being written (workshop mode, issue 6). */
#include "ui_int.h"

void ui_sim_export(struct ui *ui)
{
	ui_message(ui, "Export of results: coming in workshop mode");
}
