/* Test rig only (packaging/test_windows.sh): Wine 8.0 has no bcryptprimitives.dll, whose
 * ProcessPrng the Rust runtime inside pydantic-core calls for random bytes. This stand-in
 * answers it from bcrypt.dll's system generator, which Wine has. It is placed in the Wine
 * prefix's system32, never in the program folder or the installer (the script checks). */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
