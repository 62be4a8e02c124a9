#include "app/techo-cli/CliApp.h"
#include "core/crypto/ProcessHardening.h"

int main(int argc, char** argv)
{
    techo::crypto::hardenProcess();
    return techo::cli::runCli(argc, argv);
}
