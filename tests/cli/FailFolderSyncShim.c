// LD_PRELOAD shim for TestCli: fsync() on a folder fails with EIO, every other fsync() is the real one.
// A folder sync cannot be made to fail on demand on a real disk; this is the one place a test needs to.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <sys/stat.h>

int fsync(int fd)
{
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        errno = EIO;
        return -1;
    }
    int (*real)(int) = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    return real(fd);
}
