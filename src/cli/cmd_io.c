/*
 * cmd_io.c - files in and out: import, export, validate.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "export.h"
#include "store.h"
#include "util.h"
#include "workshop.h"
#include "yamlio.h"

/* Exit status of `mot validate` when there are warnings but no errors. */
#define CLI_WARNINGS 3

/* "-" is the standard input, named in messages as compilers do. */
static const char *cmd_file_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

/* The standard input can be read once: refuse a second "-". */
static int cmd_stdin_once(const char *cmd, int n, char **files)
{
	int seen = 0;

	for (int i = 0; i < n; i++)
		seen += strcmp(files[i], "-") == 0;
	if (seen < 2)
		return 0;
	cli_error("%s: the standard input (-) can be read only once", cmd);
	return -1;
}

/* Load every file; on any error print them all and load none. */
static int cmd_load_files(int n, char **files, struct mot_journey *js)
{
	int bad = 0;

	for (int i = 0; i < n; i++) {
		struct mot_diags d = { 0 };

		if (yamlio_load_file(files[i], &js[i], &d) != 0) {
			yamlio_print_diags(stderr, cmd_file_name(files[i]), &d);
			bad++;
		}
		model_diags_free(&d);
	}
	/* Two files with one key would silently replace each other. */
	for (int i = 0; !bad && i < n; i++)
		for (int k = 0; k < i; k++)
			if (strcmp(js[i].key, js[k].key) == 0) {
				cli_error("import: %s and %s both hold journey "
					  "'%s'", cmd_file_name(files[k]),
					  cmd_file_name(files[i]), js[i].key);
				bad++;
			}
	return bad ? -1 : 0;
}

int cmd_import(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "replace", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_command *cmd = cli_find("import");
	struct mot_journey *js;
	struct store *s;
	bool replace = false;
	size_t failed = 0;
	int c, n, rc = CLI_OK;

	while ((c = cli_getopt(cmd, argc, argv, "r", opts)) != -1) {
		if (c != 'r')
			return CLI_USAGE;
		replace = true;
	}
	if ((n = argc - optind) < 1)
		return cli_usage(cmd);
	if (cmd_stdin_once("import", n, argv + optind) != 0)
		return CLI_USAGE;
	js = xcalloc((size_t)n, sizeof *js);
	if (cmd_load_files(n, argv + optind, js) != 0) {
		cli_error("import: nothing was imported");
		rc = CLI_FAIL;
	} else if (!(s = cli_store(ctx))) {
		rc = CLI_FAIL;
	} else if (store_journey_import(s, js, (size_t)n, replace,
					&failed) != STORE_OK) {
		cli_error("import: %s: %s; nothing was imported",
			  cmd_file_name(argv[optind + (int)failed]),
			  store_errmsg(s));
		rc = CLI_FAIL;
	} else {
		for (int i = 0; i < n; i++)
			printf("imported %s (%zu touchpoint%s) from %s\n", js[i].key,
			       js[i].n_touchpoints,
			       js[i].n_touchpoints == 1 ? "" : "s",
			       cmd_file_name(argv[optind + i]));
	}
	for (int i = 0; i < n; i++)
		model_journey_free(&js[i]);
	free(js);
	return rc;
}

/* Long options of export without a short form. */
enum { CMD_EXPORT_SIM = 256, CMD_EXPORT_SEED, CMD_EXPORT_LANES };

static bool cmd_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Write j as fmt to out (stdout when NULL), after the simulation --sim
 * asks for when the format draws one. */
static int cmd_export_write(const struct export_format *fmt, const char *out,
			    const struct mot_journey *j,
			    struct export_options *eo, unsigned long customers,
			    unsigned long seed)
{
	struct sim_result res;
	struct export_sim es;
	char err[1024];
	int rc;

	if (customers && fmt->draws_sim) {
		if (ws_heat_run(j, customers, seed, &res, err, sizeof err) != 0) {
			cli_error("export: --sim: %s", err);
			return -1;
		}
		es = (struct export_sim){ res.customers, res.n, res.reach,
					  res.drops, res.n_edges, res.flow };
		eo->sim = &es;
	}
	if (out && cmd_is_dir(out) && fmt->write == export_csv) {
		/* csv into a directory: one file per table */
		rc = export_csv_write_dir(out, j, eo, err, sizeof err);
		if (rc != 0)
			cli_error("export: %s", err);
	} else if (out) {
		rc = export_write_file(fmt, out, j, eo, err, sizeof err);
		if (rc != 0)
			cli_error("export: %s", err);
	} else {
		rc = export_write_stream(fmt, stdout, j, eo, err, sizeof err);
		if (rc != 0)
			cli_error("export: %s", err);
	}
	if (eo->sim)
		sim_result_free(&res);
	return rc;
}

int cmd_export(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "width", required_argument, NULL, 'w' },
		{ "sim", required_argument, NULL, CMD_EXPORT_SIM },
		{ "seed", required_argument, NULL, CMD_EXPORT_SEED },
		{ "lanes", required_argument, NULL, CMD_EXPORT_LANES },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_command *cmd = cli_find("export");
	const struct export_format *fmt = export_find("yaml");
	struct export_options eo = { 0 };
	struct mot_journey j;
	const char *out = NULL;
	unsigned long width = 0, num, customers = 0, seed = 1;
	int c, rc;

	while ((c = cli_getopt(cmd, argc, argv, "f:o:w:", opts)) != -1) {
		if (c == CMD_EXPORT_SIM || c == CMD_EXPORT_SEED) {
			if (c == CMD_EXPORT_SIM ?
			    cli_parse_ulong("--sim", optarg, 1, 100000000, &num) :
			    cli_parse_ulong("--seed", optarg, 0, ULONG_MAX, &num))
				return CLI_USAGE;
			if (c == CMD_EXPORT_SIM)
				customers = num;
			else
				seed = num;
		} else if (c == 'f') {
			if (!(fmt = export_find(optarg))) {
				cli_error("export: unknown format '%s'", optarg);
				export_print_formats(stderr);
				return CLI_USAGE;
			}
		} else if (c == 'o') {
			/* "-" is the standard output, as for other tools */
			out = strcmp(optarg, "-") == 0 ? NULL : optarg;
		} else if (c == CMD_EXPORT_LANES) {
			char why[256];

			if (export_lanes_parse(optarg, &eo.lanes, why,
					       sizeof why) != 0) {
				cli_error("export: --lanes: %s", why);
				return CLI_USAGE;
			}
		} else if (c != 'w' || cli_parse_ulong("--width", optarg, 40,
						       1000, &width) != 0) {
			return CLI_USAGE;
		}
	}
	if (argc - optind != 1)
		return cli_usage(cmd);
	eo.width = width ? (int)width : (out ? 80 : cli_terminal_width());
	if (cli_load_journey(ctx, argv[optind], &j) != 0)
		return CLI_FAIL;
	rc = cmd_export_write(fmt, out, &j, &eo, customers, seed);
	model_journey_free(&j);
	return rc == 0 ? CLI_OK : CLI_FAIL;
}

int cmd_validate(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_command *cmd = cli_find("validate");
	size_t errors = 0, warnings = 0;
	bool quiet = false;
	int c;

	(void)ctx;	/* validate never opens the database */
	while ((c = cli_getopt(cmd, argc, argv, "q", opts)) != -1) {
		if (c != 'q')
			return CLI_USAGE;
		quiet = true;
	}
	if (optind >= argc)
		return cli_usage(cmd);
	if (cmd_stdin_once("validate", argc - optind, argv + optind) != 0)
		return CLI_USAGE;
	for (int i = optind; i < argc; i++) {
		struct mot_diags d = { 0 }, shown = { 0 };
		const char *name = cmd_file_name(argv[i]);

		yamlio_validate_file(argv[i], &d);
		for (size_t k = 0; k < d.n; k++)
			if (!quiet || d.items[k].severity == MOT_ERROR) {
				model_diag_add(&shown, d.items[k].severity,
					       d.items[k].path, "%s",
					       d.items[k].message);
				shown.items[shown.n - 1] = d.items[k];
			}
		yamlio_print_diags(stderr, name, &shown);
		if (d.errors == 0 && !quiet)
			printf("%s: %s\n", name, d.warnings ?
			       "valid, with warnings" : "valid");
		errors += d.errors;
		warnings += d.warnings;
		model_diags_free(&d);
		model_diags_free(&shown);
	}
	if (!quiet && (errors || warnings))
		fprintf(stderr, "%zu error%s, %zu warning%s\n", errors,
			errors == 1 ? "" : "s", warnings,
			warnings == 1 ? "" : "s");
	return errors ? CLI_FAIL : warnings ? CLI_WARNINGS : CLI_OK;
}
