#include "core/vault/HeaderVfs.h"

#include "core/vault/VaultHeader.h"

#include <sqlite3.h>

#include <algorithm>
#include <mutex>

namespace techo::vault {
namespace {

constexpr sqlite3_int64 kShift = static_cast<sqlite3_int64>(VaultHeader::kSize);

struct ShiftedFile {
    sqlite3_file base; // must be first: SQLite sees this struct as a sqlite3_file
    sqlite3_file* real; // the wrapped file, stored right after this struct
    sqlite3_int64 shift; // kShift for main databases, 0 otherwise
};

sqlite3_vfs* realVfs(sqlite3_vfs* vfs)
{
    return static_cast<sqlite3_vfs*>(vfs->pAppData);
}

sqlite3_file* real(sqlite3_file* f)
{
    return reinterpret_cast<ShiftedFile*>(f)->real;
}

sqlite3_int64 shift(sqlite3_file* f)
{
    return reinterpret_cast<ShiftedFile*>(f)->shift;
}

int fileClose(sqlite3_file* f)
{
    return real(f)->pMethods->xClose(real(f));
}
int fileRead(sqlite3_file* f, void* buf, int amount, sqlite3_int64 offset)
{
    return real(f)->pMethods->xRead(real(f), buf, amount, offset + shift(f));
}
int fileWrite(sqlite3_file* f, const void* buf, int amount, sqlite3_int64 offset)
{
    return real(f)->pMethods->xWrite(real(f), buf, amount, offset + shift(f));
}
int fileTruncate(sqlite3_file* f, sqlite3_int64 size)
{
    return real(f)->pMethods->xTruncate(real(f), size + shift(f));
}
int fileSync(sqlite3_file* f, int flags)
{
    return real(f)->pMethods->xSync(real(f), flags);
}
int fileSize(sqlite3_file* f, sqlite3_int64* size)
{
    const int rc = real(f)->pMethods->xFileSize(real(f), size);
    if (rc == SQLITE_OK)
        *size = std::max<sqlite3_int64>(0, *size - shift(f));
    return rc;
}
int fileLock(sqlite3_file* f, int level)
{
    return real(f)->pMethods->xLock(real(f), level);
}
int fileUnlock(sqlite3_file* f, int level)
{
    return real(f)->pMethods->xUnlock(real(f), level);
}
int fileCheckReservedLock(sqlite3_file* f, int* out)
{
    return real(f)->pMethods->xCheckReservedLock(real(f), out);
}
int fileControl(sqlite3_file* f, int op, void* arg)
{
    if (op == SQLITE_FCNTL_SIZE_HINT && shift(f) != 0) {
        sqlite3_int64 hint = *static_cast<sqlite3_int64*>(arg) + shift(f);
        return real(f)->pMethods->xFileControl(real(f), op, &hint);
    }
    return real(f)->pMethods->xFileControl(real(f), op, arg);
}
int fileSectorSize(sqlite3_file* f)
{
    return real(f)->pMethods->xSectorSize(real(f));
}
int fileDeviceCharacteristics(sqlite3_file* f)
{
    return real(f)->pMethods->xDeviceCharacteristics(real(f));
}
int fileShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out)
{
    return real(f)->pMethods->xShmMap(real(f), region, size, extend, out);
}
int fileShmLock(sqlite3_file* f, int offset, int n, int flags)
{
    return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
void fileShmBarrier(sqlite3_file* f)
{
    real(f)->pMethods->xShmBarrier(real(f));
}
int fileShmUnmap(sqlite3_file* f, int deleteFlag)
{
    return real(f)->pMethods->xShmUnmap(real(f), deleteFlag);
}

// Version 2: memory-mapped I/O (version 3's xFetch) would bypass the shift, so it is not offered.
const sqlite3_io_methods kMethods = {
    2,
    fileClose,
    fileRead,
    fileWrite,
    fileTruncate,
    fileSync,
    fileSize,
    fileLock,
    fileUnlock,
    fileCheckReservedLock,
    fileControl,
    fileSectorSize,
    fileDeviceCharacteristics,
    fileShmMap,
    fileShmLock,
    fileShmBarrier,
    fileShmUnmap,
    nullptr,
    nullptr,
};

int vfsOpen(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* outFlags)
{
    auto* shifted = reinterpret_cast<ShiftedFile*>(file);
    shifted->real = reinterpret_cast<sqlite3_file*>(shifted + 1);
    shifted->shift = (flags & SQLITE_OPEN_MAIN_DB) != 0 ? kShift : 0;
    shifted->base.pMethods = nullptr;
    const int rc = realVfs(vfs)->xOpen(realVfs(vfs), name, shifted->real, flags, outFlags);
    if (shifted->real->pMethods != nullptr)
        shifted->base.pMethods = &kMethods;
    return rc;
}
int vfsDelete(sqlite3_vfs* vfs, const char* name, int syncDir)
{
    return realVfs(vfs)->xDelete(realVfs(vfs), name, syncDir);
}
int vfsAccess(sqlite3_vfs* vfs, const char* name, int flags, int* out)
{
    return realVfs(vfs)->xAccess(realVfs(vfs), name, flags, out);
}
int vfsFullPathname(sqlite3_vfs* vfs, const char* name, int n, char* out)
{
    return realVfs(vfs)->xFullPathname(realVfs(vfs), name, n, out);
}
void* vfsDlOpen(sqlite3_vfs* vfs, const char* name)
{
    return realVfs(vfs)->xDlOpen(realVfs(vfs), name);
}
void vfsDlError(sqlite3_vfs* vfs, int n, char* msg)
{
    realVfs(vfs)->xDlError(realVfs(vfs), n, msg);
}
void (*vfsDlSym(sqlite3_vfs* vfs, void* handle, const char* symbol))(void)
{
    return realVfs(vfs)->xDlSym(realVfs(vfs), handle, symbol);
}
void vfsDlClose(sqlite3_vfs* vfs, void* handle)
{
    realVfs(vfs)->xDlClose(realVfs(vfs), handle);
}
int vfsRandomness(sqlite3_vfs* vfs, int n, char* out)
{
    return realVfs(vfs)->xRandomness(realVfs(vfs), n, out);
}
int vfsSleep(sqlite3_vfs* vfs, int micros)
{
    return realVfs(vfs)->xSleep(realVfs(vfs), micros);
}
int vfsCurrentTime(sqlite3_vfs* vfs, double* out)
{
    return realVfs(vfs)->xCurrentTime(realVfs(vfs), out);
}
int vfsGetLastError(sqlite3_vfs* vfs, int n, char* out)
{
    return realVfs(vfs)->xGetLastError(realVfs(vfs), n, out);
}
int vfsCurrentTimeInt64(sqlite3_vfs* vfs, sqlite3_int64* out)
{
    return realVfs(vfs)->xCurrentTimeInt64(realVfs(vfs), out);
}

sqlite3_vfs g_vfs {};

} // namespace

const char* headerVfsName()
{
    static std::once_flag once;
    std::call_once(once, [] {
        sqlite3_vfs* underlying = sqlite3_vfs_find(nullptr);
        g_vfs.iVersion = 2;
        g_vfs.szOsFile = static_cast<int>(sizeof(ShiftedFile)) + underlying->szOsFile;
        g_vfs.mxPathname = underlying->mxPathname;
        g_vfs.zName = "techo-header";
        g_vfs.pAppData = underlying;
        g_vfs.xOpen = vfsOpen;
        g_vfs.xDelete = vfsDelete;
        g_vfs.xAccess = vfsAccess;
        g_vfs.xFullPathname = vfsFullPathname;
        g_vfs.xDlOpen = vfsDlOpen;
        g_vfs.xDlError = vfsDlError;
        g_vfs.xDlSym = vfsDlSym;
        g_vfs.xDlClose = vfsDlClose;
        g_vfs.xRandomness = vfsRandomness;
        g_vfs.xSleep = vfsSleep;
        g_vfs.xCurrentTime = vfsCurrentTime;
        g_vfs.xGetLastError = vfsGetLastError;
        g_vfs.xCurrentTimeInt64 = vfsCurrentTimeInt64;
        sqlite3_vfs_register(&g_vfs, 0);
    });
    return g_vfs.zName;
}

} // namespace techo::vault
