/* yardstick scorecard: the reports module provides this command. */
#include "cli.h"
#include "yardstick/common.h"

int cmd_scorecard(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_error(YS_EX_SOFTWARE, "scorecard is not available in this build");
}
