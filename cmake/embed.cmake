# rekindle_embed(NAME OUT.cpp FILES...) writes OUT.cpp defining
#   const rekindle::EmbeddedFile* NAME(size_t* count)
# with every file's bytes, so assets travel inside the executable.
function(rekindle_embed name out)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DNAME=${name} -DOUT=${out} "-DFILES=${ARGN}" -P ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${ARGN} ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding assets into ${name}"
    VERBATIM)
endfunction()
