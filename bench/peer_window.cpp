// rekindle_bench_peer_window: the peer of `rekindle screenshot` in the start-up and memory
// figures. The same window and pipeline with none of our code: GLFW opens a hidden window with
// an OpenGL 3.3 core context (the hints platform/window.cpp uses), Dear ImGui with its GLFW +
// OpenGL 3 backends draws three frames of a small window in its built-in font, and the last
// frame is read back and written as a PNG. What `rekindle screenshot` costs above this is ours:
// the store, today's deck, the theme and its fonts, the views.
//
// usage: rekindle_bench_peer_window OUT.png [WIDTHxHEIGHT]   (default 430x860, as rekindle's)
//        rekindle_bench_peer_window --first-frame-exit [WIDTHxHEIGHT]
// The second form is the peer of `rekindle gui --first-frame-exit`: a visible window, one
// frame drawn and presented (swapped, glFinish), then exit.
// Links only GLFW, GL, libimgui.a and libstb.a.
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb_image_write.h>  // implementation already compiled into libstb.a

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace {

// As rekindle's screenshot: auto-sized layout settles over a few frames.
constexpr int kFrames = 3;

int fail(const char* what) {
  std::fprintf(stderr, "rekindle_bench_peer_window: %s\n", what);
  return 1;
}

void draw_frame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  ImGui::Begin("peer", nullptr, ImGuiWindowFlags_NoDecoration);
  ImGui::TextUnformatted("Ada Lovelace");
  ImGui::TextWrapped("Analytical Engines Ltd. A card drawn by the bare peer window: text, a button, a bar.");
  ImGui::Button("Reach out");
  ImGui::ProgressBar(0.4f);
  ImGui::End();
  ImGui::Render();
  glClearColor(0.95f, 0.95f, 0.97f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return fail("usage: rekindle_bench_peer_window OUT.png|--first-frame-exit [WIDTHxHEIGHT]");
  const bool first_frame_exit = std::string(argv[1]) == "--first-frame-exit";
  int width = 430, height = 860;
  if (argc > 2 && std::sscanf(argv[2], "%dx%d", &width, &height) != 2) return fail("bad size, expected WxH");

  if (!glfwInit()) return fail("glfwInit failed (no display?)");
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, first_frame_exit ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  GLFWwindow* window = glfwCreateWindow(width, height, "peer", nullptr, nullptr);
  if (!window) {
    glfwTerminate();
    return fail("cannot open a window with an OpenGL 3.3 context");
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  int fb_width = 0, fb_height = 0;
  std::vector<unsigned char> pixels;
  for (int frame = 0; frame < (first_frame_exit ? 1 : kFrames); ++frame) {
    glfwPollEvents();
    glfwGetFramebufferSize(window, &fb_width, &fb_height);
    glViewport(0, 0, fb_width, fb_height);
    draw_frame();
    if (!first_frame_exit && frame == kFrames - 1) {  // read back before the swap, as rekindle does
      pixels.resize(static_cast<size_t>(fb_width) * fb_height * 4);
      glPixelStorei(GL_PACK_ALIGNMENT, 1);
      glReadBuffer(GL_BACK);
      glReadPixels(0, 0, fb_width, fb_height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    }
    glfwSwapBuffers(window);
  }
  if (first_frame_exit) glFinish();

  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();

  if (first_frame_exit) return 0;
  // OpenGL's rows run bottom-up; a PNG's top-down.
  const size_t stride = static_cast<size_t>(fb_width) * 4;
  for (int top = 0, bottom = fb_height - 1; top < bottom; ++top, --bottom)
    std::swap_ranges(pixels.begin() + top * stride, pixels.begin() + (top + 1) * stride,
                     pixels.begin() + bottom * stride);
  if (!stbi_write_png(argv[1], fb_width, fb_height, 4, pixels.data(), static_cast<int>(stride)))
    return fail("cannot write the PNG");
  return 0;
}
