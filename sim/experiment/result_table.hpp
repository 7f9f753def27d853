#pragma once
// A table of results as named columns of equal length (numbers, whole numbers or text), and
// its CSV form. The summary files of `compare` and `sweep` are tables like this, written once
// as CSV here and once as HDF5 by the command line.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <variant>
#include <vector>

namespace caseload::experiment {

struct ResultColumn {
  std::string name;
  std::variant<std::vector<double>, std::vector<std::int64_t>, std::vector<std::string>> values;
  std::string description;  ///< one line for people; stored as an HDF5 attribute
};

struct ResultTable {
  // A deque, so the references add_* return stay valid while further columns are added.
  std::deque<ResultColumn> columns;

  std::size_t row_count() const;
  ResultColumn& add_numbers(std::string name, std::string description = {});
  ResultColumn& add_integers(std::string name, std::string description = {});
  ResultColumn& add_texts(std::string name, std::string description = {});
};

/// RFC 4180 CSV with a header row and '\n' line ends. Numbers in shortest round-trip form;
/// NaN as an empty field (missing, to pandas and R alike); infinities as inf and -inf. Text is
/// quoted when it holds a comma, a quote, a line break or surrounding spaces.
std::string format_csv(const ResultTable& table);

/// `text` as one CSV field.
std::string csv_field(const std::string& text);

}  // namespace caseload::experiment
