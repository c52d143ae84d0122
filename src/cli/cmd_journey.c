/*
 * cmd_journey.c - the journey subcommands: list, show, new, rm, cp, rename.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "export.h"
#include "store.h"
#include "util.h"

/* Operands after the options: exactly `want` of them, or a usage error. */
static int cmd_operands(const struct cli_command *cmd, int argc, char **argv,
			int want)
{
	int c;

	while ((c = cli_getopt(cmd, argc, argv, "", NULL)) != -1)
		if (c == '?')
			return -1;
	if (argc - optind != want) {
		cli_usage(cmd);
		return -1;
	}
	return optind;
}

int cmd_list(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("list");
	struct store_journey_info *list;
	struct store *s;
	size_t n;
	char when[32];
	int kw = 28;

	if (cmd_operands(cmd, argc, argv, 0) < 0)
		return CLI_USAGE;
	if (!(s = cli_store(ctx)))
		return CLI_FAIL;
	if (store_journey_list(s, &list, &n) != STORE_OK) {
		cli_error("%s", store_errmsg(s));
		return CLI_FAIL;
	}
	/* The key column holds the longest key: a key is never cut, and
	 * the columns after it stay in line. */
	for (size_t i = 0; i < n; i++)
		if (util_utf8_width(list[i].key) > kw)
			kw = util_utf8_width(list[i].key);
	if (n == 0)
		fprintf(stderr, "mot: no journeys in %s; add one with 'mot new' "
			"or 'mot import FILE'\n", ctx->db_path);
	else
		printf("%-*s %6s %6s %5s  %-16s  %s\n", kw, "JOURNEY", "TOUCH",
		       "TRANS", "PERS", "UPDATED", "TITLE");
	for (size_t i = 0; i < n; i++) {
		time_t t = (time_t)list[i].updated;
		/* a database edited by hand may hold control characters */
		char *key = util_text_visible(list[i].key, true),
		     *title = util_text_visible(list[i].title, true);
		struct tm tm;

		strftime(when, sizeof when, "%Y-%m-%d %H:%M",
			 localtime_r(&t, &tm));
		printf("%-*s %6zu %6zu %5zu  %-16s  %s\n", kw, key,
		       list[i].n_touchpoints, list[i].n_transitions,
		       list[i].n_personas, when, title);
		free(key);
		free(title);
	}
	store_journey_list_free(list, n);
	return CLI_OK;
}

int cli_table_width(void)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

int cli_terminal_width(void)
{
	struct winsize ws;
	const char *cols = getenv("COLUMNS");

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	if (cols && atoi(cols) > 0)
		return atoi(cols);
	return 80;
}

int cmd_show(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "width", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_command *cmd = cli_find("show");
	struct export_options eo = { 0 };
	struct mot_journey j;
	unsigned long width = 0;
	char err[512];
	int c, rc;

	while ((c = cli_getopt(cmd, argc, argv, "w:", opts)) != -1) {
		if (c == 'w' && cli_parse_ulong("--width", optarg, 40, 1000,
						&width) == 0)
			continue;
		return CLI_USAGE;
	}
	if (argc - optind != 1)
		return cli_usage(cmd);
	eo.width = width ? (int)width : cli_terminal_width();
	if (cli_load_journey(ctx, argv[optind], &j) != 0)
		return CLI_FAIL;
	/* The text map is the txt export, on the standard output. */
	rc = CLI_OK;
	if (export_write_stream(export_find("txt"), stdout, &j, &eo, err,
				sizeof err) != 0) {
		cli_error("show: %s", err);
		rc = CLI_FAIL;
	}
	model_journey_free(&j);
	return rc;
}

/* The model's field checks (the text rules of a journey file): the first
 * finding, as "new: title: longer than 4096 bytes". */
static int cmd_new_check(const struct mot_journey *j)
{
	struct mot_diags d = { 0 };
	int rc = 0;

	model_validate_fields(j, &d);
	if (d.errors > 0) {
		cli_error("new: %s: %s", d.items[0].path, d.items[0].message);
		rc = -1;
	}
	model_diags_free(&d);
	return rc;
}

int cmd_new(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "title", required_argument, NULL, 't' },
		{ "description", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_command *cmd = cli_find("new");
	struct mot_journey j;
	struct store *s;
	int c;

	model_journey_init(&j);
	while ((c = cli_getopt(cmd, argc, argv, "t:d:", opts)) != -1) {
		if (c == 't')
			j.title = optarg;
		else if (c == 'd')
			j.description = optarg;
		else
			return CLI_USAGE;
	}
	if (argc - optind != 1)
		return cli_usage(cmd);
	j.key = argv[optind];
	if (!model_key_valid(j.key)) {
		cli_error("new: invalid journey key '%s': use lower-case letters, "
			  "digits and '-' (at most %d)", j.key, MOT_KEY_MAX);
		return CLI_FAIL;
	}
	if (util_str_empty(j.title)) {
		cli_error("new: a title is needed: --title TITLE");
		return CLI_USAGE;
	}
	/* the rules of a journey file, so that the new journey exports and
	 * imports again */
	if (cmd_new_check(&j) != 0)
		return CLI_FAIL;
	if (!(s = cli_store(ctx)))
		return CLI_FAIL;
	if (store_journey_import(s, &j, 1, false, NULL) != STORE_OK) {
		cli_error("new: %s", store_errmsg(s));
		return CLI_FAIL;
	}
	return CLI_OK;
}

int cmd_rm(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("rm");
	struct store *s;
	int c, rc = STORE_OK;

	while ((c = cli_getopt(cmd, argc, argv, "", NULL)) != -1)
		return CLI_USAGE;
	if (optind >= argc)
		return cli_usage(cmd);
	if (!(s = cli_store(ctx)))
		return CLI_FAIL;
	/* All or nothing: a typo in the third key keeps the first two. */
	store_batch_begin(s);
	for (int i = optind; rc == STORE_OK && i < argc; i++)
		rc = store_journey_delete(s, argv[i]);
	if (rc != STORE_OK)
		cli_error("rm: %s", store_errmsg(s));
	return store_batch_end(s, rc) == STORE_OK ? CLI_OK : CLI_FAIL;
}

/* cp and rename: two keys. */
static int cmd_two_keys(struct cli_ctx *ctx, const char *name, int argc,
			char **argv,
			int (*op)(struct store *, const char *, const char *))
{
	const struct cli_command *cmd = cli_find(name);
	struct store *s;
	int first;

	if ((first = cmd_operands(cmd, argc, argv, 2)) < 0)
		return CLI_USAGE;
	if (!(s = cli_store(ctx)))
		return CLI_FAIL;
	if (op(s, argv[first], argv[first + 1]) != STORE_OK) {
		cli_error("%s: %s", name, store_errmsg(s));
		return CLI_FAIL;
	}
	return CLI_OK;
}

int cmd_cp(struct cli_ctx *ctx, int argc, char **argv)
{
	return cmd_two_keys(ctx, "cp", argc, argv, store_journey_copy);
}

int cmd_rename(struct cli_ctx *ctx, int argc, char **argv)
{
	return cmd_two_keys(ctx, "rename", argc, argv, store_journey_rename);
}
