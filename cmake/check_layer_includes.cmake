# Script mode (ctest layering.include_lines): cmake -DSOURCE_DIR=<src> -P check_layer_includes.cmake
#
# The include roots (cmake/layers.cmake) make the compiler refuse "platform/x.h" from core/.
# Two holes remain that no include directory can close, so they are checked on the text:
#   - a quote-include is first looked up next to the including file, so "../platform/x.h"
#     from core/ would still be found: core/ may only quote "core/...", platform/ only
#     "core/..." and "platform/...";
#   - GLFW and OpenGL headers live in /usr/include, which every target sees: core/ may not
#     include <GLFW/...>, <GL/...>, ImGui or stb; platform/ may not include ImGui (it knows
#     nothing of it: app/ installs the ImGui backend).
# Prints every offending line and fails when there is one.

# For each folder: the prefixes its quote-includes may start with, and the system headers
# (by prefix) it may not include.
set(core_quoted core/)
set(core_forbidden GLFW/ GL/ imgui backends/ stb_)
set(platform_quoted core/ platform/)
set(platform_forbidden imgui backends/)

set(failures "")
foreach(folder core platform)
  set(quoted_prefixes ${${folder}_quoted})
  set(forbidden_system ${${folder}_forbidden})
  file(GLOB sources ${SOURCE_DIR}/${folder}/*.h ${SOURCE_DIR}/${folder}/*.cpp)
  foreach(source IN LISTS sources)
    file(STRINGS ${source} lines REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS lines)
      set(bad FALSE)
      if(line MATCHES "#[ \t]*include[ \t]*\"([^\"]*)\"")
        set(path "${CMAKE_MATCH_1}")
        set(allowed FALSE)
        foreach(prefix IN LISTS quoted_prefixes)
          string(FIND "${path}" "${prefix}" at)
          if(at EQUAL 0 AND NOT path MATCHES "\\.\\.")
            set(allowed TRUE)
          endif()
        endforeach()
        if(NOT allowed)
          set(bad TRUE)
        endif()
      elseif(line MATCHES "#[ \t]*include[ \t]*<([^>]*)>")
        set(path "${CMAKE_MATCH_1}")
        foreach(prefix IN LISTS forbidden_system)
          string(FIND "${path}" "${prefix}" at)
          if(at EQUAL 0)
            set(bad TRUE)
          endif()
        endforeach()
      endif()
      if(bad)
        file(RELATIVE_PATH shown ${SOURCE_DIR} ${source})
        string(STRIP "${line}" line)
        string(APPEND failures "  ${shown}: ${line}\n")
      endif()
    endforeach()
  endforeach()
endforeach()

if(failures)
  message(FATAL_ERROR "includes that break the layering (core < platform < app):\n${failures}")
endif()
message(STATUS "include lines of core/ and platform/ respect the layering")
