#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mt::api {

// Block strings ("""...""") as the spec defines them (graphql-js's blockString.ts).

// The value of a block string from its raw lines (split at line terminators, `\"""`
// already unescaped): the common indentation of all lines but the first removed, then
// leading and trailing blank lines dropped, joined with "\n" (the spec's
// BlockStringValue()).
std::string blockStringValue(const std::vector<std::string>& rawLines);

// Whether `value` would come back unchanged from blockStringValue() if printed as a
// block string (graphql-js's isPrintableAsBlockString; printSchema uses it to choose
// how to print a description).
bool isPrintableAsBlockString(std::string_view value);

// `value` as block-string source text, quotes included, in graphql-js's layout.
// `minimize` drops the line breaks added for readability.
std::string printBlockString(std::string_view value, bool minimize = false);

}  // namespace mt::api
