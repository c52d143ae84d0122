/*
 * cmd_edit.c - `mot edit [JOURNEY]`, and `mot` alone: open the database and
 * run the designer.  No curses here; ui_run() does the terminal.
 */
#include <stdio.h>

#include "cli.h"
#include "store.h"
#include "ui.h"

int cmd_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("edit");
	const char *journey = NULL;
	struct store *s;
	char err[512];
	int c, rc;

	while ((c = cli_getopt(cmd, argc, argv, "", NULL)) != -1)
		return CLI_USAGE;	/* it takes no options; the error is out */
	if (argc - optind > 1)
		return cli_usage(cmd);
	if (optind < argc)
		journey = argv[optind];
	if (!(s = cli_store(ctx)))
		return CLI_FAIL;
	rc = ui_run(s, journey, err, sizeof err);
	if (rc < 0) {
		cli_error("%s", err);
		return CLI_FAIL;
	}
	/* Ended by a signal: the status a shell gives a killed command. */
	return rc;
}
