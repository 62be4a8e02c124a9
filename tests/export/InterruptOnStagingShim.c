// LD_PRELOAD shim for test_export_progress: the first time techo-cli creates an export's staging file or folder
// (".NAME.partial-XXXXXX", mkstemp / mkdtemp), it is created and then the process gets SIGINT, as if the person
// pressed Ctrl+C at that moment. A Ctrl+C cannot be timed against a 60 ms export any other way.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

static int g_raised = 0;

static void interruptIfStaging(const char* path)
{
    if (!g_raised && path != NULL && strstr(path, ".partial-") != NULL) {
        g_raised = 1;
        raise(SIGINT);
    }
}

int mkstemp(char* pattern)
{
    int (*real)(char*) = (int (*)(char*))dlsym(RTLD_NEXT, "mkstemp");
    const int fd = real(pattern);
    if (fd >= 0)
        interruptIfStaging(pattern);
    return fd;
}

char* mkdtemp(char* pattern)
{
    char* (*real)(char*) = (char* (*)(char*))dlsym(RTLD_NEXT, "mkdtemp");
    char* made = real(pattern);
    if (made != NULL)
        interruptIfStaging(made);
    return made;
}
