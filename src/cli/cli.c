/*
 * cli.c - the `mot` command line: global options, the table of
 * subcommands, opening (and on first use seeding) the database.
 */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export.h"
#include "store.h"
#include "util.h"
#include "yamlio.h"

#ifndef MOT_VERSION
#define MOT_VERSION "0.1.0"
#endif
#ifndef MOT_DATADIR
#define MOT_DATADIR "/usr/local/share/mot"
#endif

/* The one table of subcommands: `mot --help` and dispatch both read it. */
static const struct cli_command cli_commands[] = {
	{ "list", "", "list journeys with touchpoint and transition counts",
	  "", cmd_list, true },
	{ "show", "JOURNEY [--width N]",
	  "print a journey as a text map, stage by stage",
	  "  -w, --width N   fit the map to N columns (default: the terminal)\n",
	  cmd_show, true },
	{ "import", "[--replace] FILE...",
	  "import journey files, all in one transaction",
	  "  -r, --replace   replace journeys whose key exists already\n",
	  cmd_import, false },
	{ "export", "JOURNEY [-f FORMAT] [-o FILE|DIR] [--lanes LIST] "
	  "[--sim N [--seed S]]",
	  "write a journey as YAML or a journey map (md, csv, dot, svg ...)",
	  "  -f, --format F  output format (default yaml); see below\n"
	  "  -o, --output F  write to file F atomically instead of stdout;\n"
	  "                  csv into a directory writes KEY-touchpoints.csv\n"
	  "                  and KEY-transitions.csv\n"
	  "  -w, --width N   txt: fit to N columns\n"
	  "      --lanes L   svg, html, md: the lanes to write, as thinking,\n"
	  "                  pains, opportunities, backstage, evidence, kpis\n"
	  "                  (comma-separated), all or none; default: those\n"
	  "                  with content (in the picture, all but evidence)\n"
	  "      --sim N     dot, svg, html: overlay N simulated customers\n"
	  "      --seed S    seed of that simulation (default 1)\n", cmd_export,
	  true },
	{ "validate", "FILE...",
	  "check journey files without touching the database",
	  "  -q, --quiet     print errors only, no warnings\n"
	  "Exit status: 0 valid, 1 errors, 3 warnings but no errors.\n",
	  cmd_validate, false },
	{ "new", "JOURNEY --title TITLE", "create an empty journey",
	  "  -t, --title T   the journey's title (required)\n"
	  "  -d, --description D\n", cmd_new, false },
	{ "rm", "JOURNEY...", "delete journeys", "", cmd_rm, false },
	{ "cp", "JOURNEY NEW", "copy a journey under a new key", "", cmd_cp, false },
	{ "rename", "JOURNEY NEW", "change a journey's key", "", cmd_rename, false },
	{ "edit", "[JOURNEY]", "open the journey designer (full screen)",
	  "Every change is saved the moment it is made; u undoes, ? lists "
	  "the keys.\n", cmd_edit, false },
	{ "simulate", "JOURNEY [-n N] [--seed S] [--plain] [--set TP.FIELD=V]... "
	  "[--compare] [--days D] [--trace F.csv|F.xes]",
	  "walk simulated customers through a journey",
	  "  -n, --customers N  customers to simulate (default 100000)\n"
	  "  -s, --seed S       random seed (default 1); results depend only\n"
	  "                     on the seed and the inputs, never on threads\n"
	  "  -t, --threads T    threads (default: all cores)\n"
	  "      --persona P    only this persona\n"
	  "      --plain        the plain Markov chain: no emotions, no\n"
	  "                     re-exposure, no patience (see mot analyze)\n"
	  "  -f, --format F     text, json or csv (default text)\n"
	  "      --set TP.FIELD=VALUE  what-if edit, repeatable: FIELD is\n"
	  "                     emotion, drop, dwell, critical, human,\n"
	  "                     conversion, or next.TARGET (a weight, 0 removes)\n"
	  "      --compare      baseline against the --set scenario, with the\n"
	  "                     difference in conversion and its 95% CI\n"
	  "      --days D       word of mouth over D days (Bass diffusion):\n"
	  "      --market M     people in the market (default 1000000)\n"
	  "      --p P          entries by themselves per person a day\n"
	  "                     (marketing, or the event that starts the\n"
	  "                     journey); needed with --days\n"
	  "      --q Q          pull of promoters; needed with --days\n"
	  "      --qd QD        push back of detractors (default Q)\n"
	  "      --trace F      also write the event log of the first\n"
	  "                     customers' walks for process mining and\n"
	  "                     mot log import: XES when F ends in .xes,\n"
	  "                     else CSV (case_id,activity,timestamp,name,\n"
	  "                     stage,persona,outcome); see mot-log(5)\n"
	  "      --trace-customers N  customers in it (default 1000)\n",
	  cmd_simulate, true },
	{ "analyze", "JOURNEY [--persona P] [--set TP.FIELD=V]... [-f FORMAT]",
	  "exact results of the plain chain: conversion, visits, removal effects",
	  "  -f, --format F     text, json or csv (default text)\n"
	  "      --persona P    only this persona\n"
	  "      --set TP.FIELD=VALUE  what-if edit, as for simulate\n",
	  cmd_analyze, true },
	{ "log", "import|list|rm|compare|fit ...",
	  "event logs of real customers: import, compare with the design, fit",
	  "  mot log import JOURNEY FILE [--map MAP.yaml] [--name NAME] [-r]\n"
	  "      read a CSV or XES event log and keep it with the journey;\n"
	  "      activities map to touchpoints by key, by name, or through\n"
	  "      MAP.yaml ('activity: touchpoint-key' lines, ~ leaves one out)\n"
	  "      --name NAME     the log's name (default: the file's base name)\n"
	  "      -r, --replace   replace a log of that name\n"
	  "      -f, --format F  csv or xes (default: by the file's name)\n"
	  "      --case C, --activity A, --timestamp T\n"
	  "                      CSV columns (default case_id, activity,\n"
	  "                      timestamp), or XES attribute keys\n"
	  "  mot log list [JOURNEY]\n"
	  "  mot log rm JOURNEY NAME...\n"
	  "  mot log compare JOURNEY [--log NAME] [-f text|json|csv]\n"
	  "      visits, drops, transitions and entries, observed against\n"
	  "      designed, and how well the log fits the design\n"
	  "  mot log fit JOURNEY [--log NAME] [--as NEW_KEY | -o FILE.yaml]\n"
	  "              [--prior N]\n"
	  "      weights, drops and entries fitted to the log, smoothed toward\n"
	  "      the design by N pseudo-cases per touchpoint (default 10); a\n"
	  "      new journey (--as), a new file (-o) or YAML on stdout\n"
	  "--log NAME picks a log (default: the newest). File formats: "
	  "mot-log(5).\n",
	  cmd_log, false },
	{ "db", "copy FROM TO",
	  "copy every journey from one database into another",
	  "  FROM and TO are each an SQLite file or a PostgreSQL URL or\n"
	  "  connection string (a schema: options=-csearch_path=NAME).\n"
	  "  Every journey is copied with its personas, lanes and scenarios,\n"
	  "  all in one transaction of TO: a journey TO has already stops\n"
	  "  the copy and nothing is written.\n", cmd_db, false },
};

#define CLI_NCOMMANDS (sizeof cli_commands / sizeof cli_commands[0])

void cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("mot: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

const struct cli_command *cli_find(const char *name)
{
	for (size_t i = 0; i < CLI_NCOMMANDS; i++)
		if (strcmp(cli_commands[i].name, name) == 0)
			return &cli_commands[i];
	return NULL;
}

int cli_usage(const struct cli_command *cmd)
{
	fprintf(stderr, "usage: mot %s %s\n", cmd->name, cmd->usage);
	fprintf(stderr, "Run 'mot %s --help' for more.\n", cmd->name);
	return CLI_USAGE;
}

bool cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			return true;
	}
	return false;
}

int cli_print_help(const struct cli_command *cmd)
{
	printf("usage: mot %s %s\n\n%s.\n", cmd->name, cmd->usage, cmd->summary);
	if (cmd->help && *cmd->help)
		printf("\n%s", cmd->help);
	/* The format list comes from the one table of formats. */
	if (cmd->run == cmd_export) {
		putchar('\n');
		export_print_formats(stdout);
	}
	printf("\nGlobal options: --db DATABASE (or $MOT_DB), --schema NAME. "
	       "See mot(1).\n");
	return CLI_OK;
}

static void cli_print_main_help(void)
{
	printf("mot - design, map and simulate customer journeys\n\n"
	       "usage: mot [--db DATABASE] [--schema NAME] [COMMAND [ARGS]]\n"
	       "       mot --help | --version\n\n"
	       "Without a command, mot opens the journey designer.\n\n"
	       "Commands:\n");
	for (size_t i = 0; i < CLI_NCOMMANDS; i++)
		printf("  %-9s %s\n", cli_commands[i].name,
		       cli_commands[i].summary);
	printf("\nOptions:\n"
	       "  --db DATABASE  an SQLite file, or a PostgreSQL URL or "
	       "connection string\n"
	       "                 (default $MOT_DB, else "
	       "$XDG_DATA_HOME/mot/mot.db or\n"
	       "                 ~/.local/share/mot/mot.db)\n"
	       "  --schema NAME  PostgreSQL: the mot database in that schema\n"
	       "  --help         this help; 'mot COMMAND --help' for a command\n"
	       "  --version      print the version\n");
}

int cli_getopt(const struct cli_command *cmd, int argc, char **argv,
	       const char *shortopts, const struct option *longopts)
{
	static const struct option none[] = { { NULL, 0, NULL, 0 } };
	char spec[64];
	int c;

	opterr = 0;
	/* A leading ':' makes a missing argument ':' rather than '?'. */
	snprintf(spec, sizeof spec, ":%s", shortopts);
	c = getopt_long(argc, argv, spec, longopts ? longopts : none, NULL);
	if (c == '?') {
		if (optopt)
			cli_error("%s: unknown option '-%c'", cmd->name, optopt);
		else
			cli_error("%s: unknown option '%s'", cmd->name,
				  argv[optind - 1]);
		cli_usage(cmd);
	} else if (c == ':') {
		cli_error("%s: option '%s' needs a value", cmd->name,
			  argv[optind - 1]);
		cli_usage(cmd);
		c = '?';
	}
	return c;
}

int cli_parse_ulong(const char *opt, const char *s, unsigned long min,
		    unsigned long max, unsigned long *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	if (!s || !*s || *s == '-') {
		cli_error("%s: '%s' is not a whole number", opt, s ? s : "");
		return -1;
	}
	v = strtoul(s, &end, 10);
	if (*end != '\0' || errno == ERANGE) {
		cli_error("%s: '%s' is not a whole number", opt, s);
		return -1;
	}
	if (v < min || v > max) {
		cli_error("%s: %lu is out of range (%lu to %lu)", opt, v, min, max);
		return -1;
	}
	*out = v;
	return 0;
}

int cli_parse_double(const char *opt, const char *s, double min, double max,
		     double *out)
{
	double v;

	if (util_num_parse(s, &v) != 0) {
		cli_error("%s: '%s' is not a number", opt, s ? s : "");
		return -1;
	}
	if (v < min || v > max) {
		cli_error("%s: %s is out of range (%g to %g)", opt, s, min, max);
		return -1;
	}
	*out = v;
	return 0;
}

/* --- the database ---------------------------------------------------- */

static char *cli_default_db(void)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	/* The XDG spec says a relative XDG_DATA_HOME is to be ignored. */
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/mot/mot.db", xdg);
	if (home && *home)
		return xasprintf("%s/.local/share/mot/mot.db", home);
	return xstrdup("mot.db");
}

/* Where the sample journeys are: $MOT_JOURNEYS; else, for a binary run
 * from the source tree (build/mot, with ../Makefile beside ../journeys),
 * the tree's own; else the installed copy. */
static char *cli_journeys_dir(void)
{
	const char *env = getenv("MOT_JOURNEYS");
	char exe[PATH_MAX], *slash, *dir, *mk;
	ssize_t n;

	if (env && *env)
		return xstrdup(env);
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			dir = xasprintf("%s/../journeys", exe);
			mk = xasprintf("%s/../Makefile", exe);
			if (access(dir, R_OK) == 0 && access(mk, R_OK) == 0) {
				free(mk);
				return dir;
			}
			free(mk);
			free(dir);
		}
	}
	return xstrdup(MOT_DATADIR "/journeys");
}

static int cli_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted *.yaml file names in dir. */
static char **cli_list_yaml(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t cap = 0;

	*n = 0;
	if (!d)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0) {
			util_reserve((void **)&names, &cap, *n + 1, sizeof *names);
			names[(*n)++] = xasprintf("%s/%s", dir, e->d_name);
		}
	}
	closedir(d);
	if (*n)
		qsort(names, *n, sizeof *names, cli_name_cmp);
	return names;
}

/* A new database gets the sample journeys, so that mot opens on something
 * a designer can explore.  A sample that does not load is reported and
 * skipped: it must not keep mot from starting. */
static void cli_seed(struct store *s)
{
	char *dir = cli_journeys_dir(), **files;
	struct mot_journey *js;
	size_t n, used = 0;

	files = cli_list_yaml(dir, &n);
	js = xcalloc(n + 1, sizeof *js);
	for (size_t i = 0; i < n; i++) {
		struct mot_diags d = { 0 };
		if (yamlio_load_file(files[i], &js[used], &d) == 0)
			used++;
		else
			yamlio_print_diags(stderr, files[i], &d);
		model_diags_free(&d);
		free(files[i]);
	}
	if (used > 0 && store_journey_import(s, js, used, false, NULL) != STORE_OK)
		cli_error("could not add the sample journeys: %s",
			  store_errmsg(s));
	for (size_t i = 0; i < used; i++)
		model_journey_free(&js[i]);
	free(js);
	free(files);
	free(dir);
}

struct store *cli_store(struct cli_ctx *ctx)
{
	char err[1024];
	bool created = false;

	if (ctx->store)
		return ctx->store;
	if (store_open_mode(ctx->db_path, ctx->schema, ctx->read_only ?
			    STORE_READ_ONLY : STORE_READ_WRITE, &ctx->store,
			    &created, err, sizeof err) != STORE_OK) {
		cli_error("%s", err);
		return NULL;
	}
	if (created)
		cli_seed(ctx->store);
	return ctx->store;
}

int cli_load_journey(struct cli_ctx *ctx, const char *key,
		     struct mot_journey *out)
{
	struct store *s = cli_store(ctx);

	model_journey_init(out);
	if (!s)
		return -1;
	if (store_journey_load(s, key, out) != STORE_OK) {
		cli_error("%s", store_errmsg(s));
		return -1;
	}
	/* a report, a map or an export never carries a raw ESC or BEL */
	model_journey_clean_text(out);
	return 0;
}

/* --- main ------------------------------------------------------------ */

/* One global option with a value, "--NAME VALUE" or "--NAME=VALUE", at
 * argv[*i]: 1 taken (into *out), 0 not this option, -1 no value. */
static int cli_take_value(int argc, char **argv, int *i, const char *name,
			  const char **out)
{
	size_t n = strlen(name);

	if (strncmp(argv[*i], name, n) != 0)
		return 0;
	if (argv[*i][n] == '=')
		*out = argv[*i] + n + 1;
	else if (argv[*i][n] == '\0' && *i + 1 < argc)
		*out = argv[++*i];
	else if (argv[*i][n] == '\0')
		*out = "";
	else
		return 0;
	return **out ? 1 : -1;
}

/* Take --db DATABASE and --schema NAME out of argv wherever they are
 * (before "--"), so that `mot list --db x` works as well as
 * `mot --db x list`. */
static int cli_take_db(int *argc, char **argv, const char **db,
		       const char **schema)
{
	int out = 1, r;

	for (int i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		if ((r = cli_take_value(*argc, argv, &i, "--db", db)) < 0) {
			cli_error("--db needs a database: a file, or a "
				  "PostgreSQL URL or connection string");
			return -1;
		}
		if (r == 0 &&
		    (r = cli_take_value(*argc, argv, &i, "--schema", schema)) < 0) {
			cli_error("--schema needs the name of a PostgreSQL "
				  "schema");
			return -1;
		}
		if (r == 0)
			argv[out++] = argv[i];
	}
	*argc = out;
	argv[out] = NULL;
	return 0;
}

/* `mot` alone opens the designer, as `mot edit` does. */
static int cli_no_command(struct cli_ctx *ctx)
{
	char *argv[] = { "edit", NULL };

	return cmd_edit(ctx, 1, argv);
}

int cli_main(int argc, char **argv)
{
	struct cli_ctx ctx = { 0 };
	const struct cli_command *cmd;
	const char *db = NULL;
	char *def = NULL;
	int rc;

	if (cli_take_db(&argc, argv, &db, &ctx.schema) != 0)
		return CLI_USAGE;
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
			  strcmp(argv[1], "-h") == 0)) {
		cli_print_main_help();
		return CLI_OK;
	}
	if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
		printf("mot %s\n", MOT_VERSION);
		return CLI_OK;
	}
	if (!db)
		db = getenv("MOT_DB");
	if (!db || !*db)
		db = def = cli_default_db();
	ctx.db_path = db;
	if (argc < 2) {
		rc = cli_no_command(&ctx);
	} else if (argv[1][0] == '-') {
		cli_error("unknown option '%s'; see 'mot --help'", argv[1]);
		rc = CLI_USAGE;
	} else if (!(cmd = cli_find(argv[1]))) {
		cli_error("unknown command '%s'; see 'mot --help'", argv[1]);
		rc = CLI_USAGE;
	} else if (cli_wants_help(argc - 1, argv + 1)) {
		rc = cli_print_help(cmd);
	} else {
		optind = 0;	/* glibc: full re-initialisation of getopt */
		ctx.read_only = cmd->reads_only;
		rc = cmd->run(&ctx, argc - 1, argv + 1);
	}
	store_close(ctx.store);
	free(def);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("writing output: %s", strerror(errno));
		rc = CLI_FAIL;
	}
	return rc;
}
