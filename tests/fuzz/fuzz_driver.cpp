// Runs a fuzz target (libFuzzer's entry point, LLVMFuzzerTestOneInput) on a bounded number of
// inputs made by mutating a seed corpus, deterministically from a seed, so CI can run it with
// the sanitizers of the build and a failure reproduces from its seed and input number:
//
//     fuzz_TARGET RUNS SEED CORPUS_FILE...
//
// A target reports a bug by crashing (an escaped exception, an assertion, a sanitizer). With
// CASELOAD_FUZZ_KEEP=DIR the driver writes each input to DIR/input-N before trying it, so the
// last one written is the culprit. The same target links with clang's -fsanitize=fuzzer for
// open-ended fuzzing.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

using Bytes = std::string;

// Characters that change YAML's and HDF5's structure more often than random ones do.
constexpr char kInteresting[] = ":-[]{},&*!|>'\"#%@`\n\t 0129.eE+~";

class Mutator {
 public:
  explicit Mutator(std::uint64_t seed) : random_(seed) {}

  std::size_t below(std::size_t bound) {
    return bound == 0 ? 0 : static_cast<std::size_t>(random_() % bound);
  }

  // One to four edits of `input`; `other` lends chunks to splice in.
  Bytes mutate(Bytes input, const Bytes& other) {
    const std::size_t edits = 1 + below(4);
    for (std::size_t e = 0; e < edits; ++e) edit(input, other);
    return input;
  }

 private:
  void edit(Bytes& input, const Bytes& other) {
    const std::size_t at = below(input.size() + 1);
    switch (below(7)) {
      case 0:  // flip a bit
        if (!input.empty()) input[at % input.size()] ^= static_cast<char>(1u << below(8));
        break;
      case 1:  // a structural character
        if (!input.empty()) input[at % input.size()] = kInteresting[below(sizeof kInteresting - 1)];
        break;
      case 2:  // insert one
        input.insert(at, 1, kInteresting[below(sizeof kInteresting - 1)]);
        break;
      case 3:  // delete a run
        input.erase(at, 1 + below(64));
        break;
      case 4: {  // duplicate a run in place
        const Bytes run = input.substr(at, 1 + below(64));
        input.insert(at, run);
        break;
      }
      case 5: {  // splice in a run of the other input
        const std::size_t from = below(other.size() + 1);
        input.insert(at, other.substr(from, 1 + below(256)));
        break;
      }
      default:  // cut the end
        input.resize(at);
        break;
    }
  }

  std::mt19937_64 random_;
};

Bytes read_file(const char* path) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    std::fprintf(stderr, "fuzz: cannot read corpus file '%s'\n", path);
    std::exit(2);
  }
  return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
}

void keep(const Bytes& input, std::size_t number) {
  const char* folder = std::getenv("CASELOAD_FUZZ_KEEP");
  if (folder == nullptr) return;
  std::ofstream(std::string(folder) + "/input-" + std::to_string(number), std::ios::binary)
      << input;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s RUNS SEED CORPUS_FILE...\n", argv[0]);
    return 2;
  }
  const std::size_t runs = std::strtoull(argv[1], nullptr, 10);
  const std::uint64_t seed = std::strtoull(argv[2], nullptr, 10);
  std::vector<Bytes> corpus;
  for (int i = 3; i < argc; ++i) corpus.push_back(read_file(argv[i]));
  Mutator mutator(seed);
  // Each seed as it is, then mutants.
  for (const Bytes& input : corpus) {
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
  }
  for (std::size_t number = 0; number < runs; ++number) {
    const Bytes& base = corpus[mutator.below(corpus.size())];
    const Bytes& other = corpus[mutator.below(corpus.size())];
    const Bytes input = mutator.mutate(base, other);
    keep(input, number);
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
  }
  std::fprintf(stderr, "fuzz: %zu seeds and %zu mutants (seed %llu), no crash\n",
               corpus.size(), runs, static_cast<unsigned long long>(seed));
  return 0;
}
