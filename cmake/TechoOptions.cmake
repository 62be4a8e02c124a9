# techo_options: the one place for language level, warnings and hardening. Every target links it.
add_library(techo_options INTERFACE)
add_library(Techo::options ALIAS techo_options)
target_compile_features(techo_options INTERFACE cxx_std_20)
target_compile_options(techo_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion -Wnon-virtual-dtor
    -Wold-style-cast -Woverloaded-virtual -Wnull-dereference
    -fstack-protector-strong -fstack-clash-protection
    $<$<BOOL:${TECHO_WERROR}>:-Werror>)
# _FORTIFY_SOURCE needs optimisation; Debug builds would only warn about it.
target_compile_definitions(techo_options INTERFACE
    $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>
    QT_NO_CAST_FROM_ASCII QT_NO_CONTEXTLESS_CONNECT QT_NO_FOREACH)
target_link_options(techo_options INTERFACE -Wl,-z,relro,-z,now -Wl,-z,noexecstack)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)

if(TECHO_SANITIZE)
    target_compile_options(techo_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                   -fno-sanitize-recover=undefined)
    target_link_options(techo_options INTERFACE -fsanitize=address,undefined)
endif()
