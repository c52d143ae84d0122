/*
 * cmd_log.h - private to src/cli/: the subcommands of `mot log`
 * (cmd_log.c, cmd_log_fit.c).
 */
#ifndef MOT_CMD_LOG_H
#define MOT_CMD_LOG_H

#include "cli.h"

/* The subcommand `name` ("import" ...) for messages and usage. */
const struct cli_command *cmd_log_sub(const char *name);

int cmd_log_import(struct cli_ctx *ctx, int argc, char **argv);
int cmd_log_list(struct cli_ctx *ctx, int argc, char **argv);
int cmd_log_rm(struct cli_ctx *ctx, int argc, char **argv);
int cmd_log_compare(struct cli_ctx *ctx, int argc, char **argv);
int cmd_log_fit(struct cli_ctx *ctx, int argc, char **argv);

#endif
