#include "cli.h"
#include "yardstick/common.h"
int cmd_compare(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_error(YS_EX_SOFTWARE, "not available yet");
}
