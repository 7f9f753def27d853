#pragma once
// The caseload version and the git commit it was built from (recorded at configure time).

#include <string_view>

namespace caseload::core {

std::string_view version();
std::string_view git_commit();

}  // namespace caseload::core
