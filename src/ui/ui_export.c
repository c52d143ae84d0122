/*
 * ui_export.c - `x`: pick a format from the export table (export.h), give
 * a file name, and the journey is written atomically with
 * export_write_file(), the same path `mot export -o` takes.
 *
 * Where files go: the designer is often started from wherever a terminal
 * happened to be, so the current directory is no place to drop files.
 * The first export offers the documents folder ($XDG_DOCUMENTS_DIR,
 * else ~/Documents when there is one, else the home folder); later ones
 * the folder written to last.  The whole path is offered, selected, and
 * a bare name typed over it goes to that folder; the message names the
 * full path written.
 */
#include "ui_int.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "export.h"
#include "util.h"

static bool ui_export_is_dir(const char *path)
{
	struct stat st;

	return path && *path == '/' && stat(path, &st) == 0 &&
		S_ISDIR(st.st_mode);
}

/* The folder offered: the last one written to, else the documents. */
static const char *ui_export_dir(struct ui *ui)
{
	const char *home = getenv("HOME"), *docs = getenv("XDG_DOCUMENTS_DIR");
	char *guess;
	char cwd[PATH_MAX];

	if (ui->export_dir)
		return ui->export_dir;
	if (ui_export_is_dir(docs)) {
		ui->export_dir = xstrdup(docs);
	} else if (ui_export_is_dir(home)) {
		guess = xasprintf("%s/Documents", home);
		ui->export_dir = ui_export_is_dir(guess) ? guess : xstrdup(home);
		if (ui->export_dir != guess)
			free(guess);
	} else {
		ui->export_dir = xstrdup(getcwd(cwd, sizeof cwd) ? cwd : "/tmp");
	}
	return ui->export_dir;
}

/* A path as typed, made whole: ~/x from the home folder, a bare name in
 * the folder offered. */
static char *ui_export_whole(struct ui *ui, const char *typed)
{
	const char *home = getenv("HOME");

	if (typed[0] == '/')
		return xstrdup(typed);
	if (typed[0] == '~' && typed[1] == '/' && home && *home)
		return xasprintf("%s%s", home, typed + 1);
	return xasprintf("%s/%s", ui_export_dir(ui), typed);
}

char *ui_export_ask(struct ui *ui, const char *file)
{
	char *def = xasprintf("%s/%s", ui_export_dir(ui), file);
	char *typed = ui_ask(ui, "Export to:", def), *path, *slash;

	free(def);
	if (!typed || util_str_empty(typed) || ui->quit) {
		free(typed);
		return NULL;
	}
	path = ui_export_whole(ui, typed);
	free(typed);
	if (access(path, F_OK) == 0 &&
	    !ui_confirm(ui, "%s exists. Replace it?", path)) {
		free(path);
		return NULL;
	}
	/* The next export offers the same folder. */
	slash = strrchr(path, '/');
	if (slash && slash > path) {
		free(ui->export_dir);
		ui->export_dir = xstrndup(path, (size_t)(slash - path));
	}
	return path;
}

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
	char *file, *path, err[512];
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
	file = xasprintf("%s.%s", j->key, f[pick].extension);
	path = ui_export_ask(ui, file);
	free(file);
	if (!path)
		return;
	err[0] = '\0';
	if (export_write_file(&f[pick], path, j, &opt, err, sizeof err) == 0)
		ui_message(ui, "Wrote %s (%s)", path, f[pick].name);
	else
		ui_export_failed(ui, path, err);
	free(path);
}
