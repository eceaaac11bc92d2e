#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mt::api {

// graphql-js's "Did you mean ...?" hints, with its algorithm, so that our messages
// suggest what the reference implementation suggests.

// The options within a lexical distance of `input` (Damerau-Levenshtein, ignoring a
// change of case, threshold 40% of the input's length), closest first, ties in
// natural order ("a2" before "a10").
// graphql-js's naturalCompare: <0, 0 or >0 as `a` sorts before, with or after `b`,
// digit runs comparing as numbers ("T2" before "T10"); as in graphql-js, a run stops
// after a leading zero ("007" reads as 0, 0, 7).
int naturalCompare(std::string_view a, std::string_view b);

std::vector<std::string_view> suggestionList(std::string_view input,
                                             const std::vector<std::string_view>& options);

// " Did you mean "A", "B", or "C"?" for up to five suggestions, with `subMessage`
// after "mean" when given (" Did you mean the enum value "A"?"); "" for none.
std::string didYouMean(const std::vector<std::string_view>& suggestions,
                       std::string_view subMessage = {});

}  // namespace mt::api
