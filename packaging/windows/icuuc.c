/* Test rig only (packaging/test_windows.sh): Windows 10 ships ICU as icuuc.dll and Qt6Core
 * imports about twenty of its ucnv_* converter functions; Wine 8.0 has no icuuc.dll, so Qt
 * would not load at all. This stand-in says that no converter is available (every open fails
 * with U_FILE_ACCESS_ERROR, the list of converters is empty), and Qt then uses its own UTF-8
 * and UTF-16 codecs, which is all the program needs. It is placed in the Wine prefix's
 * system32, never in the program folder or the installer (the script checks), so the real
 * Windows ICU is still untested. Signatures as in ICU's unicode/ucnv.h and ucnv_cb.h. */
#include <stddef.h>
#include <stdint.h>

typedef int UErrorCode; /* > 0 is a failure, as in ICU */
typedef void *Callback;
#define U_FILE_ACCESS_ERROR 4
#define U_UNSUPPORTED_ERROR 16
#define API __declspec(dllexport)

static void fail(UErrorCode *error, UErrorCode code)
{
    if (error != NULL && *error <= 0)
        *error = code;
}

API void *ucnv_open(const char *name, UErrorCode *error)
{
    (void)name;
    fail(error, U_FILE_ACCESS_ERROR);
    return NULL;
}
API void ucnv_close(void *converter) { (void)converter; }
API void ucnv_reset(void *converter) { (void)converter; }
API int8_t ucnv_getMaxCharSize(const void *converter)
{
    (void)converter;
    return 1;
}
API const char *ucnv_getName(const void *converter, UErrorCode *error)
{
    (void)converter;
    fail(error, U_UNSUPPORTED_ERROR);
    return NULL;
}
API void ucnv_getToUCallBack(const void *converter, Callback *action, const void **context)
{
    (void)converter;
    if (action != NULL)
        *action = NULL;
    if (context != NULL)
        *context = NULL;
}
API void ucnv_getFromUCallBack(const void *converter, Callback *action, const void **context)
{
    ucnv_getToUCallBack(converter, action, context);
}
API void ucnv_setToUCallBack(void *converter, Callback action, const void *context,
                             Callback *old_action, const void **old_context, UErrorCode *error)
{
    (void)converter, (void)action, (void)context, (void)old_action, (void)old_context;
    fail(error, U_UNSUPPORTED_ERROR);
}
API void ucnv_setFromUCallBack(void *converter, Callback action, const void *context,
                               Callback *old_action, const void **old_context, UErrorCode *error)
{
    ucnv_setToUCallBack(converter, action, context, old_action, old_context, error);
}
API void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const uint16_t *units,
                                         int32_t length, int32_t code_point, int reason,
                                         UErrorCode *error)
{
    (void)context, (void)args, (void)units, (void)length, (void)code_point, (void)reason;
    fail(error, U_UNSUPPORTED_ERROR);
}
API void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *units,
                                       int32_t length, int reason, UErrorCode *error)
{
    (void)context, (void)args, (void)units, (void)length, (void)reason;
    fail(error, U_UNSUPPORTED_ERROR);
}
API void ucnv_cbToUWriteUChars(void *args, const uint16_t *source, int32_t length,
                               int32_t offset_index, UErrorCode *error)
{
    (void)args, (void)source, (void)length, (void)offset_index;
    fail(error, U_UNSUPPORTED_ERROR);
}
API void ucnv_cbFromUWriteUChars(void *args, const uint16_t **source, const uint16_t *limit,
                                 int32_t offset_index, UErrorCode *error)
{
    (void)args, (void)source, (void)limit, (void)offset_index;
    fail(error, U_UNSUPPORTED_ERROR);
}
API void ucnv_toUnicode(void *converter, uint16_t **target, const uint16_t *target_limit,
                        const char **source, const char *source_limit, int32_t *offsets,
                        int8_t flush, UErrorCode *error)
{
    (void)converter, (void)target, (void)target_limit, (void)source, (void)source_limit;
    (void)offsets, (void)flush;
    fail(error, U_UNSUPPORTED_ERROR);
}
API void ucnv_fromUnicode(void *converter, char **target, const char *target_limit,
                          const uint16_t **source, const uint16_t *source_limit, int32_t *offsets,
                          int8_t flush, UErrorCode *error)
{
    (void)converter, (void)target, (void)target_limit, (void)source, (void)source_limit;
    (void)offsets, (void)flush;
    fail(error, U_UNSUPPORTED_ERROR);
}
API int32_t ucnv_toUCountPending(const void *converter, UErrorCode *error)
{
    (void)converter;
    fail(error, U_UNSUPPORTED_ERROR);
    return 0;
}
API int32_t ucnv_fromUCountPending(const void *converter, UErrorCode *error)
{
    return ucnv_toUCountPending(converter, error);
}
API const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *error)
{
    (void)name, (void)standard;
    fail(error, U_UNSUPPORTED_ERROR);
    return NULL;
}
API const char *ucnv_getAvailableName(int32_t index)
{
    (void)index;
    return NULL;
}
API int32_t ucnv_countAvailable(void) { return 0; }
