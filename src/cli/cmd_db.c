/*
 * cmd_db.c - `mot db`: work on whole databases.
 *   mot db copy FROM TO   every journey, with everything stored with it,
 *                         from one database into another of either kind
 *                         (an SQLite file, a PostgreSQL URL or connection
 *                         string), all or nothing.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "store.h"

static int cmd_db_copy(const char *from_name, const char *to_name)
{
	struct store *from = NULL, *to = NULL;
	size_t nj = 0, ns = 0, nl = 0;
	char err[1024];
	int rc = CLI_FAIL;

	if (store_open_mode(from_name, NULL, STORE_READ_EXISTING, &from, NULL,
			    err, sizeof err) != STORE_OK) {
		cli_error("db copy: %s", err);
		return CLI_FAIL;
	}
	/* A new target gets the journeys copied, not the samples. */
	if (store_open_mode(to_name, NULL, STORE_READ_WRITE, &to, NULL, err,
			    sizeof err) != STORE_OK) {
		cli_error("db copy: %s", err);
	} else if (store_copy_all(from, to, &nj, &ns, &nl) != STORE_OK) {
		cli_error("db copy: %s", store_errmsg(to));
	} else {
		printf("copied %zu journeys, %zu scenarios and %zu event logs "
		       "from %s to %s\n", nj, ns, nl, store_name(from),
		       store_name(to));
		rc = CLI_OK;
	}
	store_close(to);
	store_close(from);
	return rc;
}

int cmd_db(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("db");
	int c;

	/* FROM and TO are named in full: --db is not used */
	if (ctx->schema) {
		cli_error("db: --schema is not used: name the schema in FROM or "
			  "TO (options=-csearch_path=NAME)");
		return CLI_USAGE;
	}
	while ((c = cli_getopt(cmd, argc, argv, "", NULL)) != -1)
		return CLI_USAGE;
	if (argc - optind == 3 && strcmp(argv[optind], "copy") == 0)
		return cmd_db_copy(argv[optind + 1], argv[optind + 2]);
	return cli_usage(cmd);
}
