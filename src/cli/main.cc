// rasd's command line: parses arguments with CLI11 and hands off to one
// command function per sub-command. The only place, with src/serve, that
// prints to the terminal or chooses an exit code.
#include <cstdio>

int main() {
  std::puts("rasd");
  return 0;
}
