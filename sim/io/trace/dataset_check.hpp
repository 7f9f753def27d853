#pragma once
// Reads every stored byte of every dataset in an HDF5 file, so that HDF5 runs each dataset's
// filters over all of it: a chunk whose Fletcher-32 checksum no longer matches (or that no
// longer inflates) is found here, where reading shapes and attributes alone would miss it.

#include <filesystem>

namespace caseload::io {

/// Reads each dataset (reached by hard links from the root, each once) in full, a chunk's rows
/// at a time so memory stays bounded. Throws TraceError naming the first dataset that cannot
/// be read, and "checksum" when its data failed their Fletcher-32 checksum.
void check_every_dataset(const std::filesystem::path& path);

}  // namespace caseload::io
