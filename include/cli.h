/*
 * cli.h - the `mot` command line: one table of subcommands (src/cli/cli.c),
 * each a function in a cmd_*.c file.  Exit codes: 0 ok, 1 failure,
 * 2 usage.  Errors go to stderr as "mot: ..." (see cli_error()).
 */
#ifndef MOT_CLI_H
#define MOT_CLI_H

#include <getopt.h>
#include <stdbool.h>

#include "model.h"

struct store;

enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

struct cli_ctx {
	const char *db_path;   /* --db, $MOT_DB, or the XDG default */
	const char *schema;    /* --schema: PostgreSQL only */
	struct store *store;   /* opened by cli_store() on first use */
	bool read_only;        /* the command only reads the database */
};

struct cli_command {
	const char *name;
	const char *usage;     /* "JOURNEY [-f FORMAT] [-o FILE]" */
	const char *summary;   /* one line for `mot --help` */
	const char *help;      /* full text for `mot CMD --help` (options) */
	int (*run)(struct cli_ctx *ctx, int argc, char **argv);
	bool reads_only;       /* opens the database read-only */
};

/* Entry point from main(). */
int cli_main(int argc, char **argv);

/* Open (creating and seeding when new) the database; NULL after an error
 * message was printed. */
struct store *cli_store(struct cli_ctx *ctx);
/* Load a journey by key; prints "mot: no journey 'x'" and returns -1. */
int cli_load_journey(struct cli_ctx *ctx, const char *key,
		     struct mot_journey *out);

void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "usage: mot CMD USAGE" and a pointer to --help; returns CLI_USAGE. */
int cli_usage(const struct cli_command *cmd);
/* True when argv holds -h or --help: the caller prints cmd's help. */
bool cli_wants_help(int argc, char **argv);
int cli_print_help(const struct cli_command *cmd);
const struct cli_command *cli_find(const char *name);

/*
 * getopt_long for a subcommand (argv[0] is the command's name): returns
 * the option, -1 after the last one (optind is then the first operand), or
 * '?' after printing which option was wrong.  cli_main() resets getopt
 * before it runs a subcommand, so each parses its argv once from the start.
 */
int cli_getopt(const struct cli_command *cmd, int argc, char **argv,
	       const char *shortopts, const struct option *longopts);
/* Columns of the terminal on stdout, else $COLUMNS, else 80. */
int cli_terminal_width(void);
/* The columns of the terminal stdout is, for the tables of list,
 * simulate and analyze; 0 when stdout is no terminal: nothing is cut. */
int cli_table_width(void);

/* Parse helpers: print a clear error naming the option and return -1. */
int cli_parse_ulong(const char *opt, const char *s, unsigned long min,
		    unsigned long max, unsigned long *out);
int cli_parse_double(const char *opt, const char *s, double min, double max,
		     double *out);

/* Subcommands (one file each or grouped by theme). */
int cmd_list(struct cli_ctx *, int, char **);
int cmd_show(struct cli_ctx *, int, char **);
int cmd_import(struct cli_ctx *, int, char **);
int cmd_export(struct cli_ctx *, int, char **);
int cmd_validate(struct cli_ctx *, int, char **);
int cmd_new(struct cli_ctx *, int, char **);
int cmd_rm(struct cli_ctx *, int, char **);
int cmd_cp(struct cli_ctx *, int, char **);
int cmd_rename(struct cli_ctx *, int, char **);
int cmd_simulate(struct cli_ctx *, int, char **);
int cmd_analyze(struct cli_ctx *, int, char **);
int cmd_edit(struct cli_ctx *, int, char **);
int cmd_log(struct cli_ctx *, int, char **);
int cmd_db(struct cli_ctx *, int, char **);

#endif
