/*
 * ui_export.c - `x`: pick a format from the export table (export.h), give
 * a file name, and the journey is written atomically with
 * export_write_file(), the same path `mot export -o` takes.
 */
#include "ui_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export.h"
#include "util.h"

/*
 * A format may explain a failure on stderr, which would land in the
 * middle of the screen: catch it in a temporary file for the status line.
 */
int ui_export_write(const struct export_format *f, const char *path,
		    const struct mot_journey *j,
		    const struct export_options *opt, char *err,
		    size_t errlen)
{
	FILE *tmp = tmpfile();
	int saved = -1, rc;
	size_t got;

	fflush(stderr);
	if (tmp) {
		saved = dup(STDERR_FILENO);
		dup2(fileno(tmp), STDERR_FILENO);
	}
	err[0] = '\0';
	rc = export_write_file(f, path, j, opt, err, errlen);
	fflush(stderr);
	if (saved >= 0) {
		dup2(saved, STDERR_FILENO);
		close(saved);
	}
	/* What the writer said on stderr is the reason; err then only says
	 * that the write failed. */
	if (tmp && rc != 0) {
		char said[512];

		rewind(tmp);
		got = fread(said, 1, sizeof said - 1, tmp);
		said[got] = '\0';
		said[strcspn(said, "\n")] = '\0';
		if (said[0])	/* the program's name is for a terminal */
			snprintf(err, errlen, "%s", strncmp(said, "mot: ", 5) ?
				 said : said + 5);
	}
	if (tmp)
		fclose(tmp);
	return rc;
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
	if (ui_export_write(&f[pick], path, j, &opt, err, sizeof err) == 0)
		ui_message(ui, "Wrote %s (%s)", path, f[pick].name);
	else
		ui_error(ui, "Could not write %s: %s", path,
			 err[0] ? err : strerror(errno));
	free(path);
}
