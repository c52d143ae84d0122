/*
 * ui_export.c - `x`: pick a format from the export table (export.h), give
 * a file name, and the journey is written atomically with
 * export_write_file(), the same path `mot export -o` takes.
 */
#include "ui_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export.h"
#include "util.h"

void ui_export_failed(struct ui *ui, const char *path, const char *err)
{
	size_t pl = strlen(path);

	/* util_write_atomic's message starts with the file already. */
	if (err[0] && strncmp(err, path, pl) == 0 && err[pl] == ':')
		ui_error(ui, "Could not write %s", err);
	else
		ui_error(ui, "Could not write %s: %s", path,
			 err[0] ? err : errno ? strerror(errno) :
			 "write failed");
}

void ui_export(struct ui *ui, const struct mot_journey *j)
{
	size_t n;
	const struct export_format *f = export_formats(&n);
	char **items = xcalloc(n + 1, sizeof *items);
	struct export_options opt;
	char *def, *path, err[512];
	long pick;

	memset(&opt, 0, sizeof opt);
	for (size_t i = 0; i < n; i++)
		items[i] = xasprintf("%-13s %s", f[i].name, f[i].description);
	pick = ui_pick(ui, "Export the journey as", (const char *const *)items,
		       n, 0);
	for (size_t i = 0; i < n; i++)
		free(items[i]);
	free(items);
	if (pick < 0 || ui->quit)
		return;
	def = xasprintf("%s.%s", j->key, f[pick].extension);
	path = ui_ask(ui, "Write to file:", def);
	free(def);
	if (!path || !*path || ui->quit) {
		free(path);
		return;
	}
	if (access(path, F_OK) == 0 &&
	    !ui_confirm(ui, "%s exists. Replace it?", path)) {
		free(path);
		return;
	}
	err[0] = '\0';
	if (export_write_file(&f[pick], path, j, &opt, err, sizeof err) == 0)
		ui_message(ui, "Wrote %s (%s)", path, f[pick].name);
	else
		ui_export_failed(ui, path, err);
	free(path);
}
