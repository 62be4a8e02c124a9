# techo_add_test(NAME SOURCES ... [LIBS ...] [LABELS ...] [TIMEOUT s])
# Every test is a Qt Test executable, registered with CTest and run on the offscreen platform
# with a private XDG environment so no test can touch the user's real data.
function(techo_add_test name)
    cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE techo_testsupport ${T_LIBS} Qt6::Test techo_options)
    add_test(NAME ${name} COMMAND ${name})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${T_TIMEOUT}
        LABELS "${T_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8;TECHO_BINARY_DIR=${CMAKE_BINARY_DIR};TECHO_SOURCE_DIR=${CMAKE_SOURCE_DIR}")
endfunction()
